package com.atlan.storage.temporal;

import com.atlan.storage.config.StorageConfiguration;
import io.temporal.worker.Worker;

/**
 * One call that makes a Temporal worker serve atlan-storage: the {@link MigrationWorkflow}, its shard activities and
 * the {@link AtlanUploadActivities#uploadToAtlan exit activity}, over the stores of a {@link StorageConfiguration}.
 *
 * <pre>{@code
 * Worker worker = factory.newWorker("my-task-queue");
 * AtlanStorageWorkers.register(worker, StorageConfiguration.load());
 * factory.start();
 * }</pre>
 */
public final class AtlanStorageWorkers {

    private AtlanStorageWorkers() {}

    /** Registers the migration workflow and every activity of this module on {@code worker}. */
    public static void register(Worker worker, StorageConfiguration configuration) {
        worker.registerWorkflowImplementationTypes(MigrationWorkflowImpl.class);
        registerActivities(worker, configuration);
    }

    /** Registers only the activities (for a worker that runs activities and no workflows). */
    public static void registerActivities(Worker worker, StorageConfiguration configuration) {
        worker.registerActivitiesImplementations(
                new MigrationActivitiesImpl(configuration), new AtlanUploadActivitiesImpl(configuration));
    }
}
