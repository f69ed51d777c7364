package com.atlan.storage.state;

import java.util.List;
import java.util.Optional;

/**
 * One configured state store: a key-value store of text documents (JSON for everything atlan-storage writes),
 * each with a version that changes on every write, so callers can read, change and write back only if nobody
 * wrote in between. This is the SPI every state backend implements (SQLite, PostgreSQL, Redis, in-memory, an
 * object store); the SDK-style facade over it is {@link com.atlan.storage.services.StateStore}.
 *
 * <p>Every failure is a {@link StateStoreException} whose message names the store (never a password); a read
 * that fails never returns empty. Implementations are safe for concurrent use by many threads.
 */
public interface StateBackend extends AutoCloseable {

    /** The configured name of this store (its Dapr component name). */
    String name();

    /** For messages: {@code state store 'statestore' (state.sqlite, /srv/app/local/dapr/statestore.db)}; no secrets. */
    String describe();

    /** Whether values outlive this process (false for {@code state.in-memory} and SQLite {@code :memory:}). */
    boolean durable();

    /**
     * Whether {@link Condition}s hold against writers in other processes too. True for databases and Redis; false
     * for an object store without conditional writes, where they hold only within this process.
     */
    default boolean atomicAcrossProcesses() {
        return true;
    }

    /** The value of {@code key} and its version, or empty when the key holds none. */
    Optional<StateEntry> get(String key);

    /**
     * Writes {@code value} under {@code key} if {@code condition} holds, atomically with the check.
     *
     * @return the new version, or empty when the condition did not hold (nothing was written)
     */
    Optional<String> put(String key, String value, Condition condition);

    /**
     * Deletes {@code key} if {@code condition} holds ({@link Condition#absent()} is not allowed).
     *
     * @return whether a value was deleted
     */
    boolean delete(String key, Condition condition);

    /** Every key that starts with {@code prefix}, in code point order. */
    List<String> keys(String prefix);

    /** Releases connections. */
    @Override
    default void close() {}
}
