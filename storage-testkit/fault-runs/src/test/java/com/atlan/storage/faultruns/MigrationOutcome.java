package com.atlan.storage.faultruns;

import com.atlan.storage.accounting.FailureRecord;
import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationSummary;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How a migration through the library ended: with a summary, or with an exception (and the summary so far).
 * {@link #exitCode()} is what the command line would have exited with: 0 all migrated, 1 some failed, 2 stopped.
 *
 * @param summary the summary, or the partial one of a {@link MigrationException}, or {@code null}
 * @param error   what stopped the migration, or {@code null}
 */
record MigrationOutcome(MigrationSummary summary, Throwable error) {

    static MigrationOutcome of(Supplier<MigrationSummary> migration) {
        try {
            return new MigrationOutcome(migration.get(), null);
        } catch (MigrationException e) {
            return new MigrationOutcome(e.partialSummary(), e);
        } catch (RuntimeException e) {
            return new MigrationOutcome(null, e);
        }
    }

    int exitCode() {
        if (error != null) {
            return 2;
        }
        return summary.failedMigrations() == 0 ? 0 : 1;
    }

    /** The exit, the counts and the first failures, on one line. */
    String describe() {
        StringBuilder s = new StringBuilder("exit ").append(exitCode());
        if (error != null) {
            s.append(", ").append(RunLog.describe(error));
        }
        if (summary != null) {
            s.append(", total_files ")
                    .append(summary.totalFiles())
                    .append(", migrated_files ")
                    .append(summary.migratedFiles())
                    .append(", failed_migrations ")
                    .append(summary.failedMigrations());
            if (!summary.failures().isEmpty()) {
                s.append(", failures: ")
                        .append(summary.failures().stream()
                                .limit(3)
                                .map(FailureRecord::toString)
                                .collect(Collectors.joining("; ")));
            }
        } else {
            s.append(", no summary");
        }
        return s.toString();
    }
}
