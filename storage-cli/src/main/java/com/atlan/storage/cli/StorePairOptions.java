package com.atlan.storage.cli;

import com.atlan.storage.config.StorageConfiguration;
import picocli.CommandLine.Option;

/** The prefix and the two stores a command works on; the stores default to the environment's names. */
final class StorePairOptions {

    @Option(
            names = "--prefix",
            paramLabel = "P",
            defaultValue = "",
            description = "Prefix of the keys to work on (default: everything).")
    String prefix;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "Source store component name (default: env DEPLOYMENT_OBJECT_STORE_NAME, else objectstore).")
    String source;

    @Option(
            names = "--destination",
            paramLabel = "NAME",
            description =
                    "Destination store component name (default: env UPSTREAM_OBJECT_STORE_NAME, else upstream-objectstore,"
                            + " or atlan-objectstore when only that one is configured).")
    String destination;

    String source(StorageConfiguration configuration) {
        return source != null ? source : configuration.storeNames().deployment();
    }

    String destination(StorageConfiguration configuration) {
        return destination != null ? destination : configuration.storeNames().upstream();
    }
}
