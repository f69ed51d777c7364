package com.atlan.storage.cli;

import com.atlan.storage.accounting.FailureRecord;
import com.atlan.storage.migrate.MigrationSummary;
import java.util.Locale;

/** Human-readable renderings of a {@link MigrationSummary}. */
final class SummaryText {

    private SummaryText() {}

    /** A few lines: counts, bytes, rate and one line per failure. */
    static String of(MigrationSummary s) {
        StringBuilder text = new StringBuilder();
        double seconds = s.elapsedMs() / 1000.0;
        text.append(String.format(
                Locale.ROOT,
                "Migrated %d of %d objects (%s) from %s to %s in %.1f s%s%n",
                s.migratedFiles(),
                s.totalFiles(),
                bytes(s.bytesMigrated()),
                s.source(),
                s.destination(),
                seconds,
                seconds > 0 ? String.format(Locale.ROOT, ", %s/s", bytes((long) (s.bytesMigrated() / seconds))) : ""));
        if (!s.prefix().isEmpty()) {
            text.append("  prefix:  ").append(s.prefix()).append(System.lineSeparator());
        }
        text.append("  copied:  ")
                .append(s.copiedFiles())
                .append(System.lineSeparator())
                .append("  already identical: ")
                .append(s.skippedFiles())
                .append(" (no copy needed)")
                .append(System.lineSeparator());
        text.append("  failed:  ").append(s.failedMigrations()).append(System.lineSeparator());
        for (FailureRecord f : s.failures()) {
            text.append("    ").append(f.file()).append(": ").append(f.error()).append(System.lineSeparator());
        }
        if (s.failuresFile() != null) {
            text.append("    ... ")
                    .append(s.failedMigrations() - s.failures().size())
                    .append(" more; every failure is listed in ")
                    .append(s.failuresFile())
                    .append(System.lineSeparator());
        }
        if (s.totalFiles() == 0) {
            text.append("No objects matched the prefix.").append(System.lineSeparator());
        }
        return text.toString();
    }

    /** One line saying what a dry run found: objects listed, already identical, and to copy. */
    static String dryRun(MigrationSummary s, long bytes) {
        return String.format(
                Locale.ROOT,
                "Dry run: %d objects (%s) under prefix '%s': %d already identical, %d would be migrated from %s to %s.",
                s.totalFiles(),
                bytes(bytes),
                s.prefix(),
                s.migratedFiles(),
                s.totalFiles() - s.migratedFiles() - s.failedMigrations(),
                s.source(),
                s.destination());
    }

    /** Bytes in binary units, e.g. {@code 1.5 MiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
