package com.atlan.storage.cli;

import com.atlan.storage.accounting.Progress;
import com.atlan.storage.migrate.MigrationHandle;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a running migration's progress on stderr: a progress bar on a terminal, a plain line every few
 * seconds otherwise (logs and CI output stay readable).
 */
abstract class ProgressDisplay implements AutoCloseable {

    private static final long LINE_INTERVAL_SECONDS = 5;

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "atlan-storage-progress");
        t.setDaemon(true);
        return t;
    });
    final MigrationHandle handle;
    private boolean closed;

    ProgressDisplay(MigrationHandle handle) {
        this.handle = handle;
    }

    /** Starts the display that suits stderr, or none when {@code disabled}. */
    static ProgressDisplay start(MigrationHandle handle, PrintWriter err, boolean disabled) {
        ProgressDisplay display;
        if (disabled) {
            display = new None(handle);
        } else if (Terminal.isInteractive()) {
            display = new Bar(handle);
            var unused = display.ticker.scheduleAtFixedRate(display::refresh, 0, 200, TimeUnit.MILLISECONDS);
        } else {
            display = new Lines(handle, err);
            var unused = display.ticker.scheduleAtFixedRate(
                    display::refresh, LINE_INTERVAL_SECONDS, LINE_INTERVAL_SECONDS, TimeUnit.SECONDS);
        }
        return display;
    }

    abstract void refresh();

    void finish() {}

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish();
    }

    static String rates(Progress p) {
        return String.format(
                Locale.ROOT,
                "%s, %.0f obj/s, %s/s",
                SummaryText.bytes(p.transferredBytes()),
                p.filesPerSecond(),
                SummaryText.bytes((long) p.bytesPerSecond()));
    }

    private static final class None extends ProgressDisplay {
        None(MigrationHandle handle) {
            super(handle);
        }

        @Override
        void refresh() {}
    }

    private static final class Lines extends ProgressDisplay {
        private final PrintWriter err;

        Lines(MigrationHandle handle, PrintWriter err) {
            super(handle);
            this.err = err;
        }

        @Override
        void refresh() {
            Progress p = handle.progress();
            err.printf(
                    Locale.ROOT,
                    "progress: %d/%d%s objects done (%d migrated, %d skipped, %d failed), %s%n",
                    p.doneFiles(),
                    p.listedFiles(),
                    p.listingComplete() ? "" : "+",
                    p.migratedFiles(),
                    p.skippedFiles(),
                    p.failedFiles(),
                    rates(p));
            err.flush();
        }
    }

    private static final class Bar extends ProgressDisplay {
        private final ProgressBar bar;

        Bar(MigrationHandle handle) {
            super(handle);
            this.bar = new ProgressBarBuilder()
                    .setTaskName("migrate")
                    .setInitialMax(-1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(200)
                    .setUnit(" obj", 1)
                    .build();
        }

        @Override
        void refresh() {
            Progress p = handle.progress();
            if (p.listingComplete()) {
                bar.maxHint(p.listedFiles());
            } else {
                bar.maxHint(-1);
            }
            bar.stepTo(p.doneFiles());
            bar.setExtraMessage(String.format(Locale.ROOT, " %d failed, %s", p.failedFiles(), rates(p)));
        }

        @Override
        void finish() {
            refresh();
            bar.close();
        }
    }
}
