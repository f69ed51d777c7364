package com.atlan.storage.state;

import com.atlan.storage.config.Component;
import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a migration keeps in the state store: its checkpoints and its lock, and the rule that picks the store.
 *
 * <ol>
 *   <li>The state store component ({@code STATE_STORE_NAME}, default {@code statestore}) when its backend keeps
 *       values beyond this process: {@code state.sqlite} with a file, {@code state.postgresql}, {@code state.redis},
 *       {@code state.objectstore}.</li>
 *   <li>Otherwise (no such component, {@code state.in-memory}, SQLite {@code :memory:}, a type no jar serves) the
 *       embedded default SQLite file {@value StateBackends#DEFAULT_DATABASE}, said once at info level.</li>
 * </ol>
 *
 * A state store that cannot be used (down, misconfigured) is a warning, and the run goes on without checkpoints and
 * without a lock, unless it was asked to resume: then it is an error, as resuming needs the checkpoint.
 */
public final class JobState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobState.class);
    private static final JobState NONE = new JobState(null, null);

    private final StateBackend backend;
    private final StateCheckpointStore checkpoints;

    private JobState(StateBackend backend, String application) {
        this.backend = backend;
        this.checkpoints = backend == null ? null : new StateCheckpointStore(backend, application);
    }

    /** No checkpoints and no lock. */
    public static JobState none() {
        return NONE;
    }

    /**
     * The state of migrations configured by {@code configuration}.
     *
     * @param checkpoints whether to keep checkpoints (and the lock) at all
     * @param resume      whether the run continues a checkpoint, which makes an unusable state store an error
     * @throws StorageConfigException when resuming and the state store cannot be used, or resuming without checkpoints
     */
    public static JobState open(StorageConfiguration configuration, boolean checkpoints, boolean resume) {
        if (!checkpoints) {
            if (resume) {
                throw new StorageConfigException("resuming needs checkpoints; do not turn them off (--no-checkpoint)");
            }
            return NONE;
        }
        StateBackend backend = null;
        try {
            String application = StateKeys.application(configuration.env(StateKeys.APPLICATION_ENV));
            backend = choose(configuration);
            // A read before any transfer: a store that is down is found here, not at the first checkpoint.
            var unused = backend.get(StateKeys.checkpoint(application, "probe"));
            return new JobState(backend, application);
        } catch (StateException | StorageException | IllegalArgumentException e) {
            if (backend != null) {
                backend.close();
            }
            if (resume) {
                throw new StorageConfigException(
                        null, "resuming needs the state store, which cannot be used: " + e.getMessage(), e);
            }
            LOG.warn(
                    "{}; this migration runs without checkpoints (it cannot be resumed) and without a job lock",
                    e.getMessage());
            return NONE;
        }
    }

    private static StateBackend choose(StorageConfiguration configuration) {
        String name = configuration.storeNames().state();
        Component component = configuration.components().get(name);
        if (component == null) {
            return StateBackends.openDefault(
                    configuration,
                    "no state store component '" + name + "' in "
                            + configuration.location().describe());
        }
        if (!StateBackends.serves(component.type())) {
            LOG.warn(
                    "{}: no state store backend serves this type (supported: {}); checkpoints go to the embedded"
                            + " default",
                    component.describe(),
                    StateBackends.types());
            return StateBackends.openDefault(configuration, component.describe() + " is not supported");
        }
        StateBackend configured = StateBackends.open(configuration, name);
        if (configured.durable()) {
            return configured;
        }
        configured.close();
        return StateBackends.openDefault(
                configuration, configured.describe() + " keeps nothing beyond this process, so not checkpoints");
    }

    /** Where checkpoints go, or {@code null} when this run keeps none. */
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** The store used, or {@code null} when none. */
    public StateBackend backend() {
        return backend;
    }

    /**
     * Takes the lock of {@code jobId} (a no-op lock when this run keeps no state). A store failure here is a warning
     * and the run goes on unlocked.
     *
     * @throws JobLockedException when another live run of the job holds it
     */
    public JobLock lock(String jobId) {
        if (backend == null) {
            return JobLock.none();
        }
        String key;
        try {
            key = StateKeys.lock(checkpoints.application(), jobId);
        } catch (IllegalArgumentException e) {
            throw new StorageConfigException(e.getMessage());
        }
        try {
            return JobLock.acquire(backend, key, jobId);
        } catch (StateStoreException e) {
            LOG.warn("{}; this migration runs without a job lock", e.getMessage());
            return JobLock.none();
        }
    }

    /** Closes the store. Release the lock first. */
    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
    }
}
