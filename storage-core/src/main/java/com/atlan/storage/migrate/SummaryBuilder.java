package com.atlan.storage.migrate;

import com.atlan.storage.accounting.JobTotals;

/**
 * Turns a job's {@link JobTotals} into the spec's {@link MigrationSummary}: {@code migrated_files} counts the objects
 * copied or found identical, {@code total_files} every object met (and, in a dry run, those it would copy).
 */
final class SummaryBuilder {

    private final String prefix;
    private final String source;
    private final String destination;

    SummaryBuilder(String prefix, String source, String destination) {
        this.prefix = prefix;
        this.source = source;
        this.destination = destination;
    }

    MigrationSummary build(JobTotals totals) {
        return new MigrationSummary(
                totals.total(),
                totals.copied() + totals.identical(),
                totals.failed(),
                totals.failures(),
                prefix,
                source,
                destination,
                totals.identical(),
                totals.bytes(),
                totals.elapsedMs(),
                totals.failuresFile() == null ? null : totals.failuresFile().toString());
    }
}
