package com.atlan.storage.cli;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.filter.ObjectFilter;
import com.atlan.storage.retry.Retrier;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.Listings;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

/** {@code atlan-storage rm}: deletes the objects under a prefix of one store. */
@Command(
        name = "rm",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Deletes every object the prefix selects (as 'migrate' selects: 'p' is the key 'p' and keys under"
                    + " 'p/', never 'p_archive/x'), after the filters. On a terminal it lists what it would delete"
                    + " and asks first, unless --yes. The empty prefix (the whole store) is refused without --all.",
            "",
            "Exit codes: 0 deleted (also when nothing matched) or declined, 1 some deletes failed, 2 usage,"
                    + " configuration or listing error."
        })
final class RmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    FilterOptions filters;

    @Parameters(index = "0", paramLabel = "STORE:PREFIX", description = "The store and prefix to delete.")
    String target;

    @Option(names = "--dry-run", description = "Print what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--all", description = "Allow the empty prefix: delete every object of the store.")
    boolean all;

    @Override
    public Integer call() throws InterruptedException {
        common.applyLogLevel();
        StoreArg where = StoreArg.parse(target);
        KeyPrefix prefix = KeyPrefix.of(where.path());
        if (prefix.selectsAll() && !all) {
            throw new IllegalArgumentException("'" + target + "' selects every object of store '" + where.store()
                    + "'; add --all to delete them all, or give a prefix (" + where.store() + ":PREFIX)");
        }
        StorageConfiguration configuration = StorageConfiguration.load(common.componentsDir());
        ObjectFilter filter = filters.filter();
        PrintWriter out = spec.commandLine().getOut();
        try (Backend store = configuration.objectStore(where.store(), 1)) {
            if (!dryRun && !yes && Terminal.isInteractive()) {
                long[] totals = count(store, prefix, filter);
                if (totals[0] == 0) {
                    out.println("Nothing to delete under '" + target + "'.");
                    return AtlanStorageCli.OK;
                }
                if (!confirm(String.format(
                        Locale.ROOT,
                        "Delete %d objects (%s) from %s? [y/N] ",
                        totals[0],
                        SummaryText.bytes(totals[1]),
                        target))) {
                    out.println("Nothing deleted.");
                    return AtlanStorageCli.OK;
                }
            }
            return delete(store, prefix, filter, out);
        }
    }

    private int delete(Backend store, KeyPrefix prefix, ObjectFilter filter, PrintWriter out)
            throws InterruptedException {
        Retrier retrier = Retrier.of(RetryPolicy.DEFAULT);
        long done = 0;
        long bytes = 0;
        long failed = 0;
        try (Stream<ObjectInfo> listing = Listings.select(store, prefix, null)) {
            Iterator<ObjectInfo> it = listing.filter(filter).iterator();
            while (it.hasNext()) {
                ObjectInfo o = it.next();
                if (dryRun) {
                    out.println("would delete " + o.key());
                } else {
                    try {
                        retrier.call("deleting '" + o.key() + "'", () -> store.delete(o.key()));
                        out.println("deleted " + o.key());
                    } catch (StorageConfigException e) {
                        throw e;
                    } catch (StorageException e) {
                        failed++;
                        spec.commandLine().getErr().println("error: " + e.getMessage());
                        if (e.isStoreWide()) {
                            spec.commandLine().getErr().println("error: stopping: the store refuses every delete");
                            break;
                        }
                        continue;
                    }
                }
                done++;
                bytes += o.size();
            }
        }
        out.printf(
                Locale.ROOT,
                "%s %d objects (%s)%s%n",
                dryRun ? "Would delete" : "Deleted",
                done,
                SummaryText.bytes(bytes),
                failed > 0 ? ", " + failed + " failed" : "");
        out.flush();
        return failed > 0 ? AtlanStorageCli.SOME_FAILED : AtlanStorageCli.OK;
    }

    private static long[] count(Backend store, KeyPrefix prefix, ObjectFilter filter) {
        long[] totals = new long[2];
        try (Stream<ObjectInfo> listing = Listings.select(store, prefix, null)) {
            listing.filter(filter).forEach(o -> {
                totals[0]++;
                totals[1] += o.size();
            });
        }
        return totals;
    }

    private boolean confirm(String question) {
        PrintWriter err = spec.commandLine().getErr();
        err.print(question);
        err.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null
                    && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
