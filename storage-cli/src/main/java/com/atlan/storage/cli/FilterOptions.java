package com.atlan.storage.cli;

import com.atlan.storage.filter.AgeSpec;
import com.atlan.storage.filter.ObjectFilter;
import com.atlan.storage.filter.SizeSuffix;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which listed objects a command works on: rclone's include/exclude globs, size and age bounds. */
final class FilterOptions {

    @Option(
            names = "--include",
            paramLabel = "GLOB",
            description = "Only keys matching GLOB (repeatable). Globs: * any run but '/', ** any run, ? one character,"
                    + " [a-z], {a,b}; a leading / anchors at the key's start, otherwise the glob matches the key's"
                    + " last segments (*.csv matches x/y/a.csv); a trailing / matches everything under such a folder."
                    + " Includes are tried before excludes; the first match decides.")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out keys matching GLOB (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(
            names = "--min-size",
            paramLabel = "SIZE",
            description = "Only objects of at least SIZE bytes (suffixes K, M, G, T: powers of 1024).")
    String minSize;

    @Option(names = "--max-size", paramLabel = "SIZE", description = "Only objects of at most SIZE bytes.")
    String maxSize;

    @Option(
            names = "--max-age",
            paramLabel = "AGE",
            description = "Only objects modified within AGE (e.g. 36h, 7d, 1h30m) or since a date (2024-05-01).")
    String maxAge;

    @Option(
            names = "--min-age",
            paramLabel = "AGE",
            description = "Only objects modified at least AGE ago, or before a date.")
    String minAge;

    /**
     * The filter these options describe.
     *
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    ObjectFilter filter() {
        ObjectFilter.Builder b = ObjectFilter.builder();
        include.forEach(b::include);
        exclude.forEach(b::exclude);
        if (minSize != null) {
            b.minSize(size("--min-size", minSize));
        }
        if (maxSize != null) {
            b.maxSize(size("--max-size", maxSize));
        }
        Instant now = Instant.now();
        if (maxAge != null) {
            b.modifiedAfter(time("--max-age", maxAge, now));
        }
        if (minAge != null) {
            b.modifiedBefore(time("--min-age", minAge, now));
        }
        return b.build();
    }

    private static long size(String option, String value) {
        try {
            return SizeSuffix.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static Instant time(String option, String value, Instant now) {
        try {
            return AgeSpec.parse(value, now, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
