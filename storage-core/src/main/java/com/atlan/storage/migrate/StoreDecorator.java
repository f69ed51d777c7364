package com.atlan.storage.migrate;

import com.atlan.storage.store.Backend;

/**
 * Wraps the stores of a run before it starts: the seam for request metrics, rate limits, fault injection. A
 * decorator returns the store it was given or a {@link com.atlan.storage.store.DelegatingBackend} around it; the run
 * closes the stores it was given, never a decorator.
 */
@FunctionalInterface
public interface StoreDecorator {

    /** Which side of a run a store is. */
    enum Role {
        /** The store objects are read from. */
        SOURCE,
        /** The store objects are written to. */
        DESTINATION
    }

    /** Leaves stores as they are. */
    StoreDecorator NONE = (store, role) -> store;

    /** {@code store}, wrapped for its {@code role}. */
    Backend decorate(Backend store, Role role);

    /** This decorator, then {@code outer} around its result. */
    default StoreDecorator andThen(StoreDecorator outer) {
        return (store, role) -> outer.decorate(decorate(store, role), role);
    }
}
