package com.atlan.storage.cli.metrics;

import com.atlan.storage.accounting.ObjectEvent;
import com.atlan.storage.accounting.ObjectOutcome;
import com.atlan.storage.accounting.ProgressListener;
import com.atlan.storage.accounting.RetryEvent;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.StoreDecorator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of a migration, bound to one {@link MeterRegistry}: objects and bytes by outcome, transfers in flight,
 * retries by cause and request latency by operation and store. Library users bind it to their own registry with
 * {@link #attach}; the CLI serves the same meters through {@link MetricsServer}.
 *
 * <ul>
 *   <li>{@code atlan_storage_objects_total{outcome}}: objects ended, one per object (outcome as in the summary:
 *       copied, copied_server_side, identical, would_copy, failed, cancelled)
 *   <li>{@code atlan_storage_bytes_total{outcome}}: bytes the destination received for them
 *   <li>{@code atlan_storage_transfers_in_flight}: transfers running now
 *   <li>{@code atlan_storage_retries_total{cause}}: attempts retried (throttled, timeout, network, server)
 *   <li>{@code atlan_storage_request_seconds{operation,store,role,outcome}}: see {@link RequestTimer}
 * </ul>
 */
public final class MigrationMetrics implements ProgressListener {

    private final MeterRegistry registry;
    private final Map<ObjectOutcome, Counter> objects = new EnumMap<>(ObjectOutcome.class);
    private final Map<ObjectOutcome, Counter> bytes = new EnumMap<>(ObjectOutcome.class);
    private final Map<RetryEvent.Cause, Counter> retries = new EnumMap<>(RetryEvent.Cause.class);
    // keys, not a count: a cancelled transfer may end without attempts, so only the key pairs start and end
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /** Registers the meters in {@code registry} at once, so every counter is scraped as 0 before its first event. */
    public MigrationMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ObjectOutcome outcome : ObjectOutcome.values()) {
            String label = label(outcome);
            objects.put(
                    outcome,
                    Counter.builder("atlan.storage.objects")
                            .description("Objects ended in a migration, by outcome")
                            .tag("outcome", label)
                            .register(registry));
            bytes.put(
                    outcome,
                    Counter.builder("atlan.storage.bytes")
                            .description("Bytes the destination received, by the outcome of their object")
                            .baseUnit("bytes")
                            .tag("outcome", label)
                            .register(registry));
        }
        for (RetryEvent.Cause cause : RetryEvent.Cause.values()) {
            retries.put(
                    cause,
                    Counter.builder("atlan.storage.retries")
                            .description("Attempts that failed transiently and were made again, by cause")
                            .tag("cause", cause.label())
                            .register(registry));
        }
        Gauge.builder("atlan.storage.transfers.in.flight", inFlight, Set::size)
                .description("Transfers running now")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Adds the meters of {@code registry} to a run's options: this listener (next to any listener already set) and a
     * {@link RequestTimer} around both stores.
     */
    public static MigrationOptions.Builder attach(
            MigrationOptions.Builder options, ProgressListener existing, MeterRegistry registry) {
        MigrationMetrics metrics = new MigrationMetrics(registry);
        return options.listener(ProgressListener.all(java.util.Arrays.asList(existing, metrics)))
                .storeDecorator(metrics.requestTimer());
    }

    /** A decorator that times each request of a store in this registry. */
    public StoreDecorator requestTimer() {
        return (store, role) -> new RequestTimer(store, role, registry);
    }

    @Override
    public void onTransferStarted(com.atlan.storage.store.ObjectInfo object) {
        inFlight.add(object.key());
    }

    @Override
    public void onObject(ObjectEvent event) {
        inFlight.remove(event.key());
        objects.get(event.outcome()).increment();
        bytes.get(event.outcome()).increment((double) event.bytes());
    }

    @Override
    public void onRetry(RetryEvent event) {
        retries.get(event.cause()).increment();
    }

    private static String label(ObjectOutcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }
}
