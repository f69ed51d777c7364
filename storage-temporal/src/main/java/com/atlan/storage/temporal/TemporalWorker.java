package com.atlan.storage.temporal;

import com.atlan.storage.config.StorageConfiguration;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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

    private final WorkflowServiceStubs service;
    private final WorkerFactory factory;

    /**
     * Connects to {@code target} and starts polling {@code taskQueue} of {@code namespace} for the workflow and its
     * activities, or only the activities when {@code activitiesOnly}.
     */
    public TemporalWorker(
            String target,
            String namespace,
            String taskQueue,
            StorageConfiguration configuration,
            boolean activitiesOnly) {
        this.service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target)
                // The first call (server capabilities) has 5 s by default: too little for a busy machine.
                .setSystemInfoTimeout(Duration.ofSeconds(30))
                .build());
        WorkflowClient client = WorkflowClient.newInstance(
                service,
                WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
        this.factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(taskQueue);
        if (activitiesOnly) {
            AtlanStorageWorkers.registerActivities(worker, configuration);
        } else {
            AtlanStorageWorkers.register(worker, configuration);
        }
        factory.start();
        LOG.info("atlan-storage worker polling task queue '{}' of namespace '{}' at {}", taskQueue, namespace, target);
    }

    /** Stops polling, lets running activities end, and disconnects. */
    @Override
    public void close() {
        factory.shutdown();
        service.shutdown();
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
