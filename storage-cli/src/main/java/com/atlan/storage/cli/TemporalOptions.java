package com.atlan.storage.cli;

import picocli.CommandLine.Option;

/** Where the Temporal cluster is and which task queue its atlan-storage workers poll. */
final class TemporalOptions {

    /** The task queue when none is given: the same default for {@code worker} and {@code migrate --temporal}. */
    static final String DEFAULT_TASK_QUEUE = "atlan-storage";

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

    /** Whether {@code --temporal} was given. */
    boolean enabled() {
        return address != null;
    }
}
