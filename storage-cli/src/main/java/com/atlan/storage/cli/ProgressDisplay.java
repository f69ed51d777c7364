package com.atlan.storage.cli;

import com.atlan.storage.accounting.Progress;
import com.atlan.storage.migrate.MigrationHandle;
import java.io.PrintWriter;
import java.time.Duration;
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

    /** Seconds between plain progress lines when stderr is not a terminal, unless --progress-interval says. */
    static final long LINE_INTERVAL_SECONDS = 10;

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

    /**
     * Starts the display that suits stderr, or none when {@code disabled}: a bar on a terminal (coloured unless
     * {@code NO_COLOR} is set), else a line every {@code intervalSeconds}.
     */
    static ProgressDisplay start(MigrationHandle handle, PrintWriter err, boolean disabled, double intervalSeconds) {
        ProgressDisplay display;
        if (disabled) {
            display = new None(handle);
        } else if (Terminal.isInteractive()) {
            display = new Bar(handle, Terminal.colours());
            var unused = display.ticker.scheduleAtFixedRate(display::refresh, 0, 200, TimeUnit.MILLISECONDS);
        } else {
            display = new Lines(handle, err);
            long millis = Math.max(100, Math.round(intervalSeconds * 1000));
            var unused = display.ticker.scheduleAtFixedRate(display::refresh, millis, millis, TimeUnit.MILLISECONDS);
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

    /** Bytes done of those listed so far, rates, failures, retries and (once the listing ended) the ETA. */
    static String status(Progress p) {
        Duration eta = p.eta();
        return String.format(
                Locale.ROOT,
                "%s of %s%s, %.0f obj/s, %s/s, %d failed, %d retries%s",
                SummaryText.bytes(p.doneBytes()),
                SummaryText.bytes(p.listedBytes()),
                p.listingComplete() ? "" : "+",
                p.filesPerSecond(),
                SummaryText.bytes((long) p.bytesPerSecond()),
                p.failedFiles(),
                p.retries(),
                eta == null ? "" : ", ETA " + eta(eta));
    }

    private static String eta(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
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
                    "progress: %d/%d%s objects done (%d migrated, %d skipped), %s%n",
                    p.doneFiles(),
                    p.listedFiles(),
                    p.listingComplete() ? "" : "+",
                    p.migratedFiles(),
                    p.skippedFiles(),
                    status(p));
            err.flush();
        }
    }

    private static final class Bar extends ProgressDisplay {
        private final ProgressBar bar;

        Bar(MigrationHandle handle, boolean colours) {
            super(handle);
            this.bar = new ProgressBarBuilder()
                    .setTaskName("migrate")
                    .setInitialMax(-1)
                    .setStyle(colours ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK)
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
            bar.setExtraMessage(" " + status(p));
        }

        @Override
        void finish() {
            refresh();
            bar.close();
        }
    }
}
