package com.atlan.storage.cli;

import com.atlan.storage.accounting.ObjectEvent;
import com.atlan.storage.accounting.PlanReason;
import com.atlan.storage.accounting.ProgressListener;
import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.services.AtlanStorage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atlan-storage plan}: what a migration would do, from the two listings, writing nothing to either store. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Shows what 'migrate' with the same options would do, from the listings of both stores alone: objects"
                    + " and bytes it would copy and skip, by reason. Writes nothing to either store and takes no"
                    + " job lock.",
            "",
            "With --manifest FILE, writes one JSON line per object: key, size, action (copy or skip), reason"
                    + " (new, size_differs, hash_differs, older_at_destination, not_compared, same_hash, same_etag,"
                    + " not_older_at_destination).",
            "",
            "Exit codes: 0 planned, 2 usage, configuration or listing error."
        })
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StorePairOptions stores;

    @Mixin
    FilterOptions filters;

    @Option(
            names = "--skip-unchanged",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Plan to skip objects the destination already holds (as 'migrate' does); on by default.")
    boolean skipUnchanged;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Write one JSON line per object to FILE.")
    Path manifest;

    @Option(names = "--json", description = "Print the plan's totals as JSON on stdout.")
    boolean json;

    /** Objects and bytes of one reason. */
    private static final class Tally {
        long objects;
        long bytes;
    }

    @Override
    public Integer call() {
        StorageConfiguration configuration = common.configuration();
        String from = stores.source(configuration);
        String to = stores.destination(configuration);
        Map<PlanReason, Tally> tallies = new EnumMap<>(PlanReason.class);
        ProgressListener counting = new ProgressListener() {
            @Override
            public void onObject(ObjectEvent event) {
                synchronized (tallies) {
                    Tally t = tallies.computeIfAbsent(event.reason(), r -> new Tally());
                    t.objects++;
                    t.bytes += event.size();
                }
            }
        };
        ObjectLog log = manifest == null ? null : ObjectLog.open(manifest);
        MigrationSummary summary;
        try {
            MigrationOptions options = MigrationOptions.builder()
                    .dryRun(true)
                    .checkpoints(false)
                    .skipUnchanged(skipUnchanged)
                    .filter(filters.filter())
                    .listener(ProgressListener.all(List.of(counting, log == null ? ProgressListener.NONE : log)))
                    .build();
            summary = new AtlanStorage(configuration, options).migrate(stores.prefix, from, to);
        } finally {
            if (log != null) {
                log.close();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(summary, tallies) + "\n" : text(summary, tallies));
        out.flush();
        return AtlanStorageCli.OK;
    }

    private static boolean skips(PlanReason reason) {
        return reason == PlanReason.SAME_HASH
                || reason == PlanReason.SAME_ETAG
                || reason == PlanReason.NOT_OLDER_AT_DESTINATION;
    }

    private String text(MigrationSummary s, Map<PlanReason, Tally> tallies) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "Plan for prefix '%s': %s -> %s, %d objects listed%n",
                stores.prefix,
                s.source(),
                s.destination(),
                s.totalFiles()));
        for (boolean skip : new boolean[] {false, true}) {
            long objects = 0;
            long bytes = 0;
            List<String> lines = new ArrayList<>();
            for (Map.Entry<PlanReason, Tally> e : tallies.entrySet()) {
                if (skips(e.getKey()) == skip) {
                    objects += e.getValue().objects;
                    bytes += e.getValue().bytes;
                    lines.add(String.format(
                            Locale.ROOT,
                            "    %-26s %10d  %s%n",
                            e.getKey().code(),
                            e.getValue().objects,
                            SummaryText.bytes(e.getValue().bytes)));
                }
            }
            b.append(String.format(
                    Locale.ROOT,
                    "  %-28s %10d  %s%n",
                    skip ? "skip (already identical):" : "copy:",
                    objects,
                    SummaryText.bytes(bytes)));
            lines.forEach(b::append);
        }
        if (manifest != null) {
            b.append("Manifest: ").append(manifest).append('\n');
        }
        return b.toString();
    }

    private String json(MigrationSummary s, Map<PlanReason, Tally> tallies) {
        ObjectNode root = Json.object();
        root.put("prefix", stores.prefix);
        root.put("source", s.source());
        root.put("destination", s.destination());
        root.put("total_files", s.totalFiles());
        ObjectNode copy = root.putObject("copy");
        ObjectNode skip = root.putObject("skip");
        tallies.forEach((reason, t) -> {
            ObjectNode side = skips(reason) ? skip : copy;
            ObjectNode n = side.putObject(reason.code());
            n.put("files", t.objects);
            n.put("bytes", t.bytes);
        });
        if (manifest != null) {
            root.put("manifest", manifest.toString());
        }
        return Json.write(root);
    }
}
