package com.atlan.storage.services;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.Condition;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateBackends;
import com.atlan.storage.state.StateDocuments;
import com.atlan.storage.state.StateKeys;
import com.atlan.storage.state.StateStoreException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * JSON state by id and {@link StateType}, with the Python SDK's {@code StateStore} API: the static methods
 * ({@link #getState}, {@link #saveState}, {@link #saveStateObject}, {@link #deleteState}) use the state store of
 * {@link StorageContext}'s configuration (the environment's unless set), so the SDK's examples port line by line; an
 * instance works on the store you give it.
 *
 * <p>State of {@code id} lives at {@code persistent-artifacts/apps/{application}/{type}/{id}/config.json}
 * ({@code ATLAN_APPLICATION_NAME}, default {@code default}), in the store named by {@code STATE_STORE_NAME} (default
 * {@code statestore}; SQLite, PostgreSQL, Redis, in-memory or an object store), or in the embedded default SQLite
 * file {@code ./local/dapr/statestore.db} when there is no such component.
 *
 * <p>Unlike the SDK: a store that fails raises {@link StateStoreException} instead of reading as {@code {}} (which
 * the next save would write over all state); both saves re-read and retry when another writer got in between, so
 * concurrent saves never lose an update; ids must be one path segment, so none reaches another application's or
 * type's state ({@link IllegalArgumentException} otherwise).
 *
 * <pre>{@code
 * StateStore.saveState("migration_" + batchId, Map.of("total_files", summary.totalFiles()), pipelineId, StateType.WORKFLOWS);
 * ObjectNode state = StateStore.getState(pipelineId, StateType.WORKFLOWS);
 * }</pre>
 */
public final class StateStore implements AutoCloseable {

    private static final ExecutorService ASYNC = Executors.newVirtualThreadPerTaskExecutor();
    private static StateStore shared;
    private static StorageConfiguration sharedFor;

    private final StateBackend backend;
    private final String application;

    /** State in {@code backend} for {@code application}; closing this closes the backend. */
    public StateStore(StateBackend backend, String application) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.application = StateKeys.requireSegment(application, "application name");
    }

    /**
     * The state store {@code configuration} names ({@code STATE_STORE_NAME}), or the embedded default SQLite file
     * when it has no such component.
     *
     * @throws com.atlan.storage.store.StorageConfigException when the component is of a type no backend serves or is
     *                                                        misconfigured
     */
    public static StateStore open(StorageConfiguration configuration) {
        return new StateStore(
                StateBackends.open(configuration), StateKeys.application(configuration.env(StateKeys.APPLICATION_ENV)));
    }

    /** {@link #open} with the configuration of this process's environment. */
    public static StateStore fromEnvironment() {
        return open(StorageConfiguration.load());
    }

    /**
     * The store the static methods use: the state store of {@link StorageContext}'s configuration (the environment's,
     * unless set with {@link StorageContext#use}), opened on first use and kept; opened again when the context's
     * configuration changes.
     */
    public static StateStore shared() {
        StorageConfiguration current = StorageContext.configuration();
        synchronized (StateStore.class) {
            if (shared == null || sharedFor != current) {
                if (shared != null) {
                    shared.close();
                }
                shared = open(current);
                sharedFor = current;
            }
            return shared;
        }
    }

    // ---- the SDK's class methods, on the shared store ----

    /**
     * The state of {@code id}: {@code {}} when there is none.
     *
     * @throws StateStoreException when the store fails; a failed read is never {@code {}}
     */
    public static ObjectNode getState(String id, StateType type) {
        return shared().get(id, type);
    }

    /** Sets the top-level {@code key} of {@code id}'s state to {@code value} (anything Jackson writes as JSON). */
    public static void saveState(String key, Object value, String id, StateType type) {
        shared().set(key, value, id, type);
    }

    /** Merges {@code value}'s top-level keys (a map, record or JSON object) into {@code id}'s state; returns the result. */
    public static ObjectNode saveStateObject(String id, Object value, StateType type) {
        return shared().merge(id, value, type);
    }

    /** Deletes {@code id}'s state; {@code true} when there was some. */
    public static boolean deleteState(String id, StateType type) {
        return shared().delete(id, type);
    }

    /** {@link #getState} in the background. */
    public static CompletableFuture<ObjectNode> getStateAsync(String id, StateType type) {
        return async(() -> getState(id, type));
    }

    /** {@link #saveState} in the background. */
    public static CompletableFuture<Void> saveStateAsync(String key, Object value, String id, StateType type) {
        return async(() -> {
            saveState(key, value, id, type);
            return null;
        });
    }

    /** {@link #saveStateObject} in the background. */
    public static CompletableFuture<ObjectNode> saveStateObjectAsync(String id, Object value, StateType type) {
        return async(() -> saveStateObject(id, value, type));
    }

    /** {@link #deleteState} in the background. */
    public static CompletableFuture<Boolean> deleteStateAsync(String id, StateType type) {
        return async(() -> deleteState(id, type));
    }

    // ---- the same on this store ----

    /**
     * The state of {@code id}: a JSON object, empty when there is none.
     *
     * @throws StateStoreException      when the store fails or holds something other than a JSON object; never {@code {}}
     * @throws IllegalArgumentException when {@code id} is not one path segment
     */
    public ObjectNode get(String id, StateType type) {
        return StateDocuments.read(backend, key(id, type));
    }

    /** Sets the top-level {@code key} of {@code id}'s state to {@code value}, keeping the other keys. */
    public void set(String key, Object value, String id, StateType type) {
        Objects.requireNonNull(key, "key");
        JsonNode json = StateDocuments.toJson(value);
        StateDocuments.update(backend, key(id, type), state -> {
            state.set(key, json);
            return state;
        });
    }

    /**
     * Merges the top-level keys of {@code value} (a map, record or JSON object) into {@code id}'s state (a shallow
     * merge, as the SDK's {@code dict.update}).
     *
     * @return the state as written
     * @throws IllegalArgumentException when {@code value} is not a JSON object
     */
    public ObjectNode merge(String id, Object value, StateType type) {
        if (!(StateDocuments.toJson(value) instanceof ObjectNode fields)) {
            throw new IllegalArgumentException("saveStateObject needs a JSON object (a map or record), not "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        return StateDocuments.update(backend, key(id, type), state -> {
            state.setAll(fields);
            return state;
        });
    }

    /** Deletes {@code id}'s state; {@code true} when there was some. */
    public boolean delete(String id, StateType type) {
        return backend.delete(key(id, type), Condition.always());
    }

    /** The ids of {@code type} that have state, in code point order. */
    public List<String> ids(StateType type) {
        String prefix = StateKeys.typePrefix(application, type.value());
        return backend.keys(prefix).stream()
                .flatMap(k -> StateKeys.idOf(prefix, k).stream())
                .toList();
    }

    /** {@link #get} in the background. */
    public CompletableFuture<ObjectNode> getAsync(String id, StateType type) {
        return async(() -> get(id, type));
    }

    /** {@link #set} in the background. */
    public CompletableFuture<Void> setAsync(String key, Object value, String id, StateType type) {
        return async(() -> {
            set(key, value, id, type);
            return null;
        });
    }

    /** {@link #merge} in the background. */
    public CompletableFuture<ObjectNode> mergeAsync(String id, Object value, StateType type) {
        return async(() -> merge(id, value, type));
    }

    /** {@link #delete} in the background. */
    public CompletableFuture<Boolean> deleteAsync(String id, StateType type) {
        return async(() -> delete(id, type));
    }

    /** The store key of {@code id}'s state of {@code type}. */
    public String key(String id, StateType type) {
        return StateKeys.state(application, Objects.requireNonNull(type, "type").value(), id);
    }

    /** The store these operations use. */
    public StateBackend backend() {
        return backend;
    }

    private static <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, ASYNC);
    }

    /** Closes the store's connections. */
    @Override
    public void close() {
        backend.close();
    }

    @Override
    public String toString() {
        return "StateStore[" + backend.describe() + ", application=" + application + "]";
    }
}
