package com.atlan.storage.cli;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.temporal.TemporalConnection.TemporalUnreachableException;
import com.atlan.storage.temporal.TemporalWorker;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atlan-storage worker}: a Temporal worker serving the sharded migration workflow and its activities. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a Temporal worker that serves atlan-storage's migration workflow and its activities (planning,"
                    + " migrating shards, upload_to_atlan) on a task queue, with the stores of the components folder."
                    + " 'migrate --temporal' submits migrations to it; run one worker per machine, each with the same"
                    + " components.",
            "",
            "Runs until Ctrl-C or SIGTERM, then stops polling and waits up to 30 s for running shards (Temporal"
                    + " retries those still running on other workers, from their last heartbeat).",
            "",
            "Exit codes: 0 stopped cleanly, 2 usage or configuration error, or Temporal could not be reached."
        })
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TemporalOptions temporal;

    @Option(
            names = "--activities-only",
            description = "Serve the activities but no workflows, so machines that copy data can come and go"
                    + " without touching a workflow's cached state; run at least one worker without it.")
    boolean activitiesOnly;

    @Override
    public Integer call() throws InterruptedException {
        common.applyLogLevel();
        PrintWriter err = spec.commandLine().getErr();
        if (!temporal.enabled()) {
            err.println("error: --temporal HOST:PORT is required: the Temporal frontend to serve");
            return AtlanStorageCli.ERROR;
        }
        StorageConfiguration configuration = StorageConfiguration.load(common.componentsDir());
        TemporalOptions.quietTransport(common.debug());
        TemporalWorker worker;
        try {
            worker = new TemporalWorker(
                    temporal.address, temporal.namespace, temporal.taskQueue, configuration, activitiesOnly);
        } catch (TemporalUnreachableException e) {
            err.println("error: " + e.getMessage());
            return AtlanStorageCli.ERROR;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onSignal = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        stopped.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    // A JVM ending on SIGINT/SIGTERM exits 130/143; a worker that drained cleanly exits 0.
                    Runtime.getRuntime().halt(AtlanStorageCli.OK);
                },
                "atlan-storage-worker-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (worker) {
            say("atlan-storage worker " + worker.where() + (activitiesOnly ? " (activities only)" : "")
                    + "; Ctrl-C to stop");
            stop.await();
            say("stopping: no new work is taken; waiting for running shards");
        } finally {
            say("worker stopped");
            stopped.countDown();
        }
        return AtlanStorageCli.OK;
    }

    private void say(String line) {
        if (!common.quiet) {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        }
    }
}
