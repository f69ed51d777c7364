package com.atlan.storage.cli;

import com.atlan.storage.accounting.FailureLog;
import com.atlan.storage.migrate.MigrationOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a run records what it did per object. */
final class RecordOptions {

    @Option(
            names = "--log-json",
            paramLabel = "FILE",
            description = "Write one JSON line per object as it ends (key, size, action, reason, outcome, bytes,"
                    + " attempts, duration_ms, error), flushed as it goes.")
    Path logJson;

    @Option(
            names = "--failures",
            paramLabel = "FILE",
            description = "Write every failure as a JSON line {\"file\", \"error\"} as it happens.")
    Path failures;

    @Option(
            names = "--failures-kept",
            paramLabel = "N",
            defaultValue = "" + FailureLog.DEFAULT_CAP,
            description = "Failures kept in memory, checkpoints and the summary (default: ${DEFAULT-VALUE}); the"
                    + " summary says failures_truncated when more failed, and names the file listing them all.")
    int failuresKept;

    /** Applies the failure options to {@code options}. */
    MigrationOptions.Builder apply(MigrationOptions.Builder options) {
        if (failuresKept < 1) {
            throw new IllegalArgumentException("--failures-kept must be >= 1, not " + failuresKept);
        }
        return options.failuresFile(failures).failuresKept(failuresKept);
    }

    /** The per-object log, or {@code null} when none was asked for. */
    ObjectLog objectLog() {
        return logJson == null ? null : ObjectLog.open(logJson);
    }
}
