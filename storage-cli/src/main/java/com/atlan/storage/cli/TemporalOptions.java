package com.atlan.storage.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Option;

/** Where the Temporal cluster is and which task queue its atlan-storage workers poll. */
final class TemporalOptions {

    /** The task queue when none is given: the same default for {@code worker} and {@code migrate --temporal}. */
    static final String DEFAULT_TASK_QUEUE = "atlan-storage";

    /** Held strongly: the JDK's logging forgets a logger's level once nothing references the logger. */
    private static final Logger GRPC_LOG = Logger.getLogger("io.grpc");

    @Option(
            names = "--temporal",
            paramLabel = "HOST:PORT",
            description = "The Temporal frontend to connect to (e.g. localhost:7233).")
    String address;

    @Option(
            names = "--task-queue",
            paramLabel = "Q",
            defaultValue = DEFAULT_TASK_QUEUE,
            description = "The task queue the atlan-storage workers poll (default: ${DEFAULT-VALUE}).")
    String taskQueue;

    @Option(
            names = "--namespace",
            paramLabel = "N",
            defaultValue = "default",
            description = "The Temporal namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    /**
     * Keeps gRPC's JDK-logging stack traces (for an address that does not resolve, say) off stderr, which carries the
     * command's messages; the command reports the failure in one line. {@code -vv} keeps gRPC's logging. (The JDK's
     * warnings about {@code sun.misc.Unsafe} in gRPC and protobuf are turned off by {@code bin/atlan-storage}.)
     */
    static void quietTransport(boolean debug) {
        GRPC_LOG.setLevel(debug ? Level.ALL : Level.OFF);
    }

    /** Whether {@code --temporal} was given. */
    boolean enabled() {
        return address != null;
    }
}
