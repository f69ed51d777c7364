package com.atlan.storage.cli.metrics;

import com.atlan.storage.migrate.StoreDecorator;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.DelegatingBackend;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times each request a store makes in a run, as {@code atlan_storage_request_seconds{operation,store,role,outcome}}:
 * operation is stat, open (until the body starts), put, delete or copy; outcome is ok or error. Listings are lazy
 * streams whose pages the backends fetch inside, so they are not timed here.
 */
final class RequestTimer extends DelegatingBackend {

    private final MeterRegistry registry;
    private final String role;

    RequestTimer(Backend delegate, StoreDecorator.Role role, MeterRegistry registry) {
        super(delegate);
        this.registry = registry;
        this.role = role.name().toLowerCase(Locale.ROOT);
    }

    private <T> T time(String operation, Supplier<T> request) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = request.get();
            outcome = "ok";
            return result;
        } finally {
            Timer.builder("atlan.storage.request")
                    .description("Requests to a store, by operation")
                    .tag("operation", operation)
                    .tag("store", delegate.name())
                    .tag("role", role)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return time("stat", () -> delegate.stat(key));
    }

    @Override
    public ObjectContent open(String key) {
        return time("open", () -> delegate.open(key));
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        return time("open", () -> delegate.open(key, offset, length));
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        return time("put", () -> delegate.put(key, data, length, options));
    }

    @Override
    public boolean delete(String key) {
        return time("delete", () -> delegate.delete(key));
    }

    @Override
    public ObjectInfo copyFrom(Backend source, ObjectInfo object) {
        return time("copy", () -> super.copyFrom(source, object));
    }
}
