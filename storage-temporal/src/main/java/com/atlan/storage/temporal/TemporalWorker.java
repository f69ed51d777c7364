package com.atlan.storage.temporal;

import com.atlan.storage.config.StorageConfiguration;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process serving atlan-storage's workflow and activities on one task queue, with the stores of a Dapr
 * components folder: {@code java -cp ... com.atlan.storage.temporal.TemporalWorker --temporal HOST:PORT --task-queue
 * Q [--namespace N] [--components DIR] [--activities-only]}. It runs until the process is stopped.
 *
 * <p>{@code --activities-only} serves the shard and upload activities but no workflows: the deployment then runs the
 * workflows on other workers, so losing an activity machine never touches a workflow's cached state.
 */
public final class TemporalWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TemporalWorker.class);

    /** How long {@link #close} waits for running activities to finish before disconnecting. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final TemporalConnection connection;
    private final WorkerFactory factory;
    private final String taskQueue;

    /**
     * Connects to {@code target} and starts polling {@code taskQueue} of {@code namespace} for the workflow and its
     * activities, or only the activities when {@code activitiesOnly}.
     *
     * @throws TemporalConnection.TemporalUnreachableException when no Temporal server answers at {@code target}
     */
    public TemporalWorker(
            String target,
            String namespace,
            String taskQueue,
            StorageConfiguration configuration,
            boolean activitiesOnly) {
        this.connection = TemporalConnection.open(target, namespace);
        this.taskQueue = taskQueue;
        this.factory = WorkerFactory.newInstance(connection.client());
        Worker worker = factory.newWorker(taskQueue);
        if (activitiesOnly) {
            AtlanStorageWorkers.registerActivities(worker, configuration);
        } else {
            AtlanStorageWorkers.register(worker, configuration);
        }
        factory.start();
        LOG.info("atlan-storage worker {}", where());
    }

    /** Where this worker polls: {@code task queue 'Q' of namespace 'N' at HOST:PORT}. */
    public String where() {
        return "polling task queue '" + taskQueue + "' of namespace '" + connection.namespace() + "' at "
                + connection.target();
    }

    /**
     * Stops polling, waits up to {@link #SHUTDOWN_GRACE} for running activities to end (interrupting those still
     * running then; Temporal retries them elsewhere), and disconnects.
     */
    @Override
    public void close() {
        factory.shutdown();
        factory.awaitTermination(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS);
        if (!factory.isTerminated()) {
            // Interrupts what still runs; Temporal retries those shards on other workers from their last heartbeat.
            factory.shutdownNow();
        }
        connection.close();
    }

    /** Runs a worker until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        Arguments a = Arguments.parse(args);
        StorageConfiguration configuration =
                StorageConfiguration.load(a.components().map(Path::of));
        TemporalWorker worker =
                new TemporalWorker(a.target(), a.namespace(), a.taskQueue(), configuration, a.activitiesOnly());
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "atlan-worker-shutdown"));
        new CountDownLatch(1).await();
    }

    /** The command line of {@link #main}. */
    record Arguments(
            String target, String namespace, String taskQueue, Optional<String> components, boolean activitiesOnly) {

        static final String USAGE =
                "usage: TemporalWorker --temporal HOST:PORT --task-queue QUEUE [--namespace NAME] [--components DIR]"
                        + " [--activities-only]";

        static Arguments parse(String[] args) {
            String target = null;
            String namespace = "default";
            String queue = null;
            String components = null;
            boolean activitiesOnly = false;
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String flag = rest.removeFirst();
                if (flag.equals("--activities-only")) {
                    activitiesOnly = true;
                    continue;
                }
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
                }
                String value = rest.removeFirst();
                switch (flag) {
                    case "--temporal" -> target = value;
                    case "--namespace" -> namespace = value;
                    case "--task-queue" -> queue = value;
                    case "--components" -> components = value;
                    default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
                }
            }
            if (target == null || queue == null) {
                throw new IllegalArgumentException("--temporal and --task-queue are required; " + USAGE);
            }
            return new Arguments(target, namespace, queue, Optional.ofNullable(components), activitiesOnly);
        }
    }
}
