package com.atlan.storage.cli;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.filter.ObjectFilter;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.Listings;
import com.atlan.storage.store.ObjectInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atlan-storage ls}: the objects under a prefix of one store. */
@Command(
        name = "ls",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Lists the objects of a store under a prefix, one key a line, in the store's listing order.",
            "",
            "STORE is a component name (see 'stores'); PREFIX selects as 'migrate' does: 'p' selects the key 'p'"
                    + " and keys under 'p/', 'p/' only keys under it, nothing or '' every key.",
            "",
            "Exit codes: 0 listed (also when nothing matched), 2 usage, configuration or listing error."
        })
final class LsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    FilterOptions filters;

    @Parameters(index = "0", paramLabel = "STORE[:PREFIX]", description = "The store and prefix to list.")
    String target;

    @Option(
            names = {"-l", "--long"},
            description = "Also show size, modification time (UTC) and the hashes the store vouches for.")
    boolean longFormat;

    @Option(
            names = {"-s", "--summary"},
            description = "Print only the number of objects and their total size.")
    boolean summary;

    @Option(names = "--json", description = "One JSON object a line per object (with --summary: the totals).")
    boolean json;

    @Override
    public Integer call() {
        common.applyLogLevel();
        StoreArg where = StoreArg.parse(target);
        StorageConfiguration configuration = StorageConfiguration.load(common.componentsDir());
        ObjectFilter filter = filters.filter();
        PrintWriter out = spec.commandLine().getOut();
        long count = 0;
        long bytes = 0;
        try (Backend store = configuration.objectStore(where.store(), 1);
                Stream<ObjectInfo> listing = Listings.select(store, KeyPrefix.of(where.path()), null)) {
            Iterator<ObjectInfo> it = listing.filter(filter).iterator();
            while (it.hasNext()) {
                ObjectInfo o = it.next();
                count++;
                bytes += o.size();
                if (!summary) {
                    out.println(line(o));
                }
            }
        }
        if (summary) {
            out.println(
                    json
                            ? "{\"files\":" + count + ",\"bytes\":" + bytes + "}"
                            : String.format(
                                    Locale.ROOT, "%d objects, %s (%d bytes)", count, SummaryText.bytes(bytes), bytes));
        }
        out.flush();
        return AtlanStorageCli.OK;
    }

    private String line(ObjectInfo o) {
        if (json) {
            ObjectNode n = Json.object();
            n.put("key", o.key());
            n.put("size", o.size());
            n.put(
                    "last_modified",
                    o.lastModified() == null ? null : o.lastModified().toString());
            n.put("etag", o.etag());
            ObjectNode hashes = n.putObject("hashes");
            for (HashKind kind : o.hashes().kinds()) {
                hashes.put(
                        kind.name().toLowerCase(Locale.ROOT),
                        o.hashes().get(kind).orElse(null));
            }
            return Json.write(n);
        }
        if (!longFormat) {
            return o.key();
        }
        StringBuilder hashes = new StringBuilder();
        for (HashKind kind : o.hashes().kinds()) {
            hashes.append(hashes.isEmpty() ? "" : ",")
                    .append(kind.name().toLowerCase(Locale.ROOT))
                    .append(':')
                    .append(o.hashes().get(kind).orElse(""));
        }
        return String.format(
                Locale.ROOT,
                "%12d  %-24s  %s%s",
                o.size(),
                o.lastModified() == null ? "-" : o.lastModified().toString(),
                o.key(),
                hashes.isEmpty() ? "" : "  " + hashes);
    }
}
