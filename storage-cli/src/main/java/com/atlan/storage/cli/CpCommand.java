package com.atlan.storage.cli;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.limit.Throttle;
import com.atlan.storage.migrate.ObjectCopy;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.local.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atlan-storage cp}: one object between stores, or between a local file and a store. */
@Command(
        name = "cp",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Copies one object: STORE:KEY to STORE:KEY, a local file to STORE:KEY, or STORE:KEY to a local file,"
                    + " with the checks 'migrate' makes (size and every hash either side knows; a bad copy is deleted)"
                    + " and its retries. A STORE: or STORE:PREFIX/ destination, or a local folder, keeps the source's"
                    + " file name. An argument is a store when the text before its first ':' is a component name;"
                    + " anything else is a local path.",
            "",
            "Exit codes: 0 copied, 1 the copy failed (no such object, refused, not intact), 2 usage or"
                    + " configuration error."
        })
final class CpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    LimitOptions limits;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "STORE:KEY or a local file.")
    String sourceArg;

    @Parameters(index = "1", paramLabel = "DESTINATION", description = "STORE:KEY, STORE:PREFIX/ or a local path.")
    String destinationArg;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            defaultValue = "10",
            description = "Attempts for transient errors (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    /** One side of the copy: a store (configured or a local folder) and the key in it. */
    private record Side(Backend store, String key, String shown) {}

    @Override
    public Integer call() throws InterruptedException {
        common.applyLogLevel();
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("--max-attempts must be >= 1, not " + maxAttempts);
        }
        StorageConfiguration configuration = StorageConfiguration.load(common.componentsDir());
        boolean fromStore = isStore(sourceArg, configuration);
        boolean toStore = isStore(destinationArg, configuration);
        if (!fromStore && !toStore) {
            throw new IllegalArgumentException("neither '" + sourceArg + "' nor '" + destinationArg
                    + "' names a store: write STORE:KEY with STORE one of "
                    + configuration.components().keySet() + " (see 'stores'); copy local files with cp(1)");
        }
        Throttle throttle = limits.limits().start();
        Side from = fromStore ? storeSide(sourceArg, configuration, null) : localSource(Path.of(sourceArg));
        try (Backend source = throttle.reads(from.store())) {
            String name = baseName(from.key());
            Side to = toStore
                    ? storeSide(destinationArg, configuration, name)
                    : localDestination(Path.of(destinationArg), name);
            try (Backend destination = to.store()) {
                ObjectInfo written = ObjectCopy.copy(source, from.key(), destination, to.key(), retry());
                spec.commandLine()
                        .getOut()
                        .printf("Copied %s -> %s (%s)%n", from.shown(), to.shown(), SummaryText.bytes(written.size()));
                spec.commandLine().getOut().flush();
                return AtlanStorageCli.OK;
            }
        } catch (StorageException e) {
            if (e instanceof StorageConfigException) {
                throw e;
            }
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return AtlanStorageCli.SOME_FAILED;
        }
    }

    private RetryPolicy retry() {
        RetryPolicy d = RetryPolicy.DEFAULT;
        return new RetryPolicy(maxAttempts, d.initialBackoff(), d.maxBackoff());
    }

    /** Whether {@code arg} is {@code STORE:...} with {@code STORE} a configured component. */
    static boolean isStore(String arg, StorageConfiguration configuration) {
        int colon = arg.indexOf(':');
        return colon > 0 && configuration.components().containsKey(arg.substring(0, colon));
    }

    private static Side storeSide(String arg, StorageConfiguration configuration, String sourceName) {
        StoreArg where = StoreArg.parse(arg);
        String key = where.path();
        if (sourceName != null && (key.isEmpty() || key.endsWith("/"))) {
            key = key + sourceName;
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("'" + arg + "' names no key: write " + where.store() + ":KEY");
        }
        return new Side(configuration.objectStore(where.store(), 1), key, where.store() + ":" + key);
    }

    private static Side localSource(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("'" + file + "' is not a file, nor STORE:KEY with a configured store");
        }
        return new Side(
                new LocalBackend("local", absolute.getParent()),
                absolute.getFileName().toString(),
                file.toString());
    }

    private static Side localDestination(Path target, String sourceName) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute) || target.toString().endsWith("/")) {
            absolute = absolute.resolve(sourceName);
        }
        return new Side(
                new LocalBackend("local", absolute.getParent()),
                absolute.getFileName().toString(),
                absolute.toString());
    }

    private static String baseName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
