package com.atlan.storage.cli;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.services.AtlanStorage;
import com.atlan.storage.verify.VerificationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atlan-storage verify}: compares what a prefix selects at the source with the destination, copying nothing. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares the objects the prefix selects in the source store with the destination store,"
                    + " without copying: objects missing at the destination, extra at the destination, and differing"
                    + " (by size and ETag, or modification time when ETags cannot be compared).",
            "",
            "Exit codes: 0 both sides match, 1 they differ, 2 usage, configuration or listing error."
        })
final class VerifyCommand implements Callable<Integer> {

    private static final int SHOWN_KEYS = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StorePairOptions stores;

    @Option(
            names = "--download",
            description = "When ETags cannot be compared, read both sides and compare SHA-256 digests instead of"
                    + " modification times (reads every such object twice).")
    boolean download;

    @Option(names = "--json", description = "Print only the report as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        StorageConfiguration configuration = common.configuration();
        String from = stores.source(configuration);
        String to = stores.destination(configuration);
        VerificationReport report =
                new AtlanStorage(configuration, MigrationOptions.defaults()).verify(stores.prefix, from, to, download);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toJson());
        } else {
            print(report, out);
        }
        out.flush();
        return report.matches() ? AtlanStorageCli.OK : AtlanStorageCli.SOME_FAILED;
    }

    private static void print(VerificationReport r, PrintWriter out) {
        out.printf(
                "%s %d objects under prefix '%s': %s vs %s%n",
                r.matches() ? "Identical:" : "Different:", r.total(), r.prefix(), r.source(), r.destination());
        out.printf("  matching:  %d%n", r.matching());
        section(out, "missing", r.missing(), r.missingKeys(), "at the source, not at the destination");
        section(out, "extra", r.extra(), r.extraKeys(), "at the destination, not at the source");
        section(out, "differing", r.differing(), r.differingKeys(), "content differs");
        if (r.downloaded() > 0) {
            out.printf("  hashed:    %d (compared by SHA-256 of both sides)%n", r.downloaded());
        }
    }

    private static void section(PrintWriter out, String name, long count, List<String> keys, String meaning) {
        out.printf("  %-10s %d (%s)%n", name + ":", count, meaning);
        keys.stream().limit(SHOWN_KEYS).forEach(k -> out.println("    " + k));
        if (count > Math.min(keys.size(), SHOWN_KEYS)) {
            out.printf(
                    "    ... and %d more%s%n",
                    count - Math.min(keys.size(), SHOWN_KEYS),
                    " (use --json for up to " + VerificationReport.MAX_KEYS + ")");
        }
    }
}
