package com.atlan.storage.cli;

import com.atlan.storage.cli.metrics.MetricsServer;
import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationHandle;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.services.AtlanStorage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atlan-storage migrate}: copies what a prefix selects from the source store to the destination store. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Copies every object the prefix selects from the source store to the destination store,"
                    + " keeping keys. Objects stream through (never whole in memory); transient errors are retried;"
                    + " every write is checked against the size listed and, where either side speaks MD5, its checksum.",
            "",
            "Objects already identical at the destination are skipped. Progress is checkpointed to the state"
                    + " store (or ./local/dapr/statestore.db when none can hold it) every few seconds; after a crash or"
                    + " Ctrl-C, run the same command with --resume. A second run of the same job is refused while the"
                    + " first runs.",
            "",
            "Exit codes: 0 all migrated, 1 some objects failed, 2 usage or configuration error, the job already"
                    + " running, or the run stopped (listing failed, an error that fails every object,"
                    + " --max-failure-rate, Ctrl-C); the summary so far is printed in every case.",
            "",
            "A prefix 'p' selects the key 'p' and keys under 'p/', never siblings such as 'p_archive/x';"
                    + " 'p/' selects only keys under it; '' selects everything.",
            "",
            "With --temporal HOST:PORT the migration runs as a workflow on the task queue's workers ('atlan-storage"
                    + " worker'), sharded over them; this command shows its progress and prints its summary with the"
                    + " same exit codes. Ctrl-C detaches and leaves the workflow running; the same command attaches to"
                    + " it again. Filters, limits, per-object logs, metrics and checkpoint options apply to local runs"
                    + " only."
        })
final class MigrateCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the transfers in flight to stop and the final checkpoint to be saved. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StorePairOptions stores;

    @Mixin
    FilterOptions filters;

    @Mixin
    LimitOptions limits;

    @Mixin
    RecordOptions records;

    @Mixin
    MetricsOptions metrics;

    @Mixin
    TemporalOptions temporal;

    @Mixin
    ShardingOptions workflow;

    @Option(
            names = "--concurrency",
            paramLabel = "N|auto",
            defaultValue = "auto",
            converter = ConcurrencyConverter.class,
            description = "Objects transferred at once; auto (the default) starts at 16 and adapts: more while"
                    + " throughput grows, half as many when a store throttles (up to "
                    + MigrationOptions.MAX_AUTO_CONCURRENCY
                    + ").")
    int concurrency;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            defaultValue = "10",
            description = "Attempts per object for transient errors (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(
            names = "--max-failure-rate",
            paramLabel = "RATE",
            defaultValue = "1.0",
            description = "Stop when this share (0..1) of finished objects has failed (default: never).")
    double maxFailureRate;

    @Option(
            names = "--no-server-side-copy",
            negatable = false,
            description = "Stream bytes through this process even when the destination could copy server side.")
    boolean noServerSideCopy;

    @Option(
            names = "--skip-unchanged",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Skip objects the destination already holds with the same size and ETag (or, when ETags"
                    + " cannot be compared, a modification time not older than the source's); judged from the two"
                    + " listings alone. On by default; --no-skip-unchanged copies everything.")
    boolean skipUnchanged;

    @Option(
            names = "--resume",
            description = "Continue the job's last checkpoint: retry its failures, list on from where it stopped and"
                    + " report counts for the whole job. Starts over when the job has no checkpoint or finished.")
    boolean resume;

    @Option(
            names = "--job-id",
            paramLabel = "ID",
            description = "The job's id, naming its checkpoint and lock (default: derived from the source, destination"
                    + " and prefix).")
    String jobId;

    @Option(
            names = "--no-checkpoint",
            description = "Keep no checkpoint and take no job lock: nothing is written to the state store, and the run"
                    + " cannot be resumed.")
    boolean noCheckpoint;

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Seconds between checkpoints saved to the state store (default: ${DEFAULT-VALUE}).")
    double checkpointInterval;

    @Option(
            names = "--dry-run",
            description = "List and plan only; write nothing. Reports the objects listed, those already identical and"
                    + " those a real run would copy; with --resume, what the resumed job would still do.")
    boolean dryRun;

    @Option(
            names = "--json",
            description = "Print only the summary as JSON on stdout, on every exit (also on errors and Ctrl-C).")
    boolean json;

    @Option(names = "--no-progress", description = "Do not show progress on stderr.")
    boolean noProgress;

    @Option(
            names = "--progress-interval",
            paramLabel = "SECONDS",
            defaultValue = "" + ProgressDisplay.LINE_INTERVAL_SECONDS,
            description = "Seconds between progress lines when stderr is not a terminal (default: ${DEFAULT-VALUE}).")
    double progressInterval;

    @Override
    public Integer call() {
        common.applyLogLevel();
        if (concurrency < MigrationOptions.AUTO
                || maxAttempts < 1
                || !(maxFailureRate >= 0 && maxFailureRate <= 1)
                || !(checkpointInterval > 0)) {
            spec.commandLine()
                    .getErr()
                    .println("error: --concurrency and --max-attempts must be >= 1,"
                            + " --max-failure-rate between 0 and 1 and --checkpoint-interval > 0");
            return AtlanStorageCli.ERROR;
        }
        if (temporal.enabled()) {
            return new TemporalMigration(this).run();
        }
        List<String> remoteOnly = TemporalMigration.temporalOnlyOptionsGiven(spec);
        if (!remoteOnly.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("error: " + String.join(", ", remoteOnly) + " need --temporal HOST:PORT");
            return AtlanStorageCli.ERROR;
        }
        StorageConfiguration configuration = StorageConfiguration.load(common.componentsDir());
        String from = stores.source(configuration);
        String to = stores.destination(configuration);
        ObjectLog objectLog = records.objectLog();
        try (MetricsServer server = metrics.start(spec.commandLine().getErr())) {
            return run(configuration, from, to, objectLog, server);
        } finally {
            if (objectLog != null) {
                objectLog.close();
            }
        }
    }

    private int run(
            StorageConfiguration configuration, String from, String to, ObjectLog objectLog, MetricsServer server) {
        MigrationOptions options = MetricsOptions.apply(records.apply(MigrationOptions.builder()), objectLog, server)
                .filter(filters.filter())
                .limits(limits.limits())
                .concurrency(concurrency)
                .maxAttempts(maxAttempts)
                .maxFailureRate(maxFailureRate)
                .serverSideCopy(!noServerSideCopy)
                .dryRun(dryRun)
                .skipUnchanged(skipUnchanged)
                .resume(resume)
                .jobId(jobId)
                .checkpointInterval(Duration.ofMillis(Math.max(1, Math.round(checkpointInterval * 1000))))
                .checkpoints(!noCheckpoint)
                .build();

        MigrationHandle handle = new AtlanStorage(configuration, options).start(stores.prefix, from, to);
        boolean checkpointed = configuration
                .components()
                .containsKey(configuration.storeNames().state());
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread onInterrupt = new Thread(
                () -> {
                    interrupted.set(true);
                    onInterrupt(handle, checkpointed);
                },
                "atlan-storage-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return await(handle, interrupted);
        } finally {
            removeHook(onInterrupt);
        }
    }

    /**
     * Shows the progress of {@code handle} until it ends, prints its summary (the summary so far when it stopped) and
     * returns the exit code. Once {@code interrupted}, it leaves the printing to the shutdown hook.
     */
    int await(MigrationHandle handle, AtomicBoolean interrupted) {
        MigrationSummary summary;
        ProgressDisplay display = ProgressDisplay.start(
                handle, spec.commandLine().getErr(), noProgress || common.quiet, progressInterval);
        try {
            summary = handle.completion().join();
        } catch (CompletionException e) {
            display.close();
            if (interrupted.get()) {
                waitForever(); // the shutdown hook prints the summary and the JVM ends when it returns
            }
            if (e.getCause() instanceof MigrationException stopped) {
                print(stopped.partialSummary(), handle, spec.commandLine().getOut());
                spec.commandLine().getErr().println("error: " + stopped.getMessage());
                spec.commandLine().getErr().flush();
                return AtlanStorageCli.ERROR;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            display.close();
        }
        print(summary, handle, spec.commandLine().getOut());
        return summary.succeeded() ? AtlanStorageCli.OK : AtlanStorageCli.SOME_FAILED;
    }

    void print(MigrationSummary summary, MigrationHandle handle, PrintWriter out) {
        if (json) {
            out.println(summary.toJson());
        } else if (dryRun) {
            out.println(SummaryText.dryRun(summary, handle.progress().listedBytes()));
        } else {
            out.print(SummaryText.of(summary));
        }
        out.flush();
    }

    /**
     * Ctrl-C (or SIGTERM): cancels the migration, which saves a checkpoint at once and again once the transfers in
     * flight have stopped, then prints the summary so far and how to continue.
     */
    private void onInterrupt(MigrationHandle handle, boolean checkpointed) {
        if (handle.completion().isDone()) {
            return;
        }
        handle.cancel();
        PrintWriter err = spec.commandLine().getErr();
        MigrationSummary partial = null;
        try {
            handle.completion().get(INTERRUPT_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MigrationException stopped) {
                partial = stopped.partialSummary();
            }
        } catch (TimeoutException e) {
            err.println("warning: transfers did not stop within " + INTERRUPT_GRACE.toSeconds()
                    + " s; the checkpoint saved when you pressed Ctrl-C is kept");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (partial != null) {
            print(partial, handle, spec.commandLine().getOut());
        }
        err.println("Interrupted. " + resumeHint(checkpointed));
        err.flush();
    }

    /** The command to continue the job, or why a re-run starts over. */
    String resumeHint(boolean checkpointed) {
        if (!checkpointed) {
            return "No state store is configured, so nothing was checkpointed: run the same command again; objects"
                    + " already identical at the destination are skipped.";
        }
        return "Resume with: " + commandLine(List.of("--resume"));
    }

    /** This command line with {@code extra} arguments added (those already there are not repeated), quoted. */
    String commandLine(List<String> extra) {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.contains(extra.getFirst())) {
            args.addAll(extra);
        }
        return "atlan-storage " + args.stream().map(MigrateCommand::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static void waitForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    /** Reads {@code --concurrency}: {@code auto} or a whole number >= 1. */
    static final class ConcurrencyConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if ("auto".equalsIgnoreCase(value.trim())) {
                return MigrationOptions.AUTO;
            }
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below with the same message
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is neither auto nor a number >= 1");
        }
    }
}
