package com.atlan.storage.bench;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Scenario 6 of the benchmarks: migrates N synthetic objects into a discarding store and prints the
 * summary JSON with the JVM's heap figures, so bench/run can report the engine's cost per object and its
 * memory. Run it with a small {@code -Xmx} to prove the heap bound: it fails rather than swap.
 *
 * <p>Usage: {@code ScaleBenchmark --objects N [--concurrency C] [--size BYTES] [--json]}
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {}

    /** Runs the benchmark; prints one JSON object on stdout. */
    public static void main(String[] args) throws Exception {
        long objects = 1_000_000;
        int concurrency = MigrationOptions.DEFAULT_CONCURRENCY;
        int size = 1024;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--objects" -> objects = Long.parseLong(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--json" -> {}
                default ->
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: --objects N [--concurrency C] [--size BYTES] [--json]");
            }
        }
        System.out.println(run(objects, concurrency, size));
    }

    /** Runs one migration and returns the summary JSON with {@code heap_peak_bytes} and {@code heap_max_bytes}. */
    static String run(long objects, int concurrency, int size) throws Exception {
        DiscardingStore destination = new DiscardingStore();
        MigrationSummary summary = new Migrator(
                        new SyntheticSourceStore(objects, size),
                        destination,
                        "",
                        MigrationOptions.builder().concurrency(concurrency).build())
                .run();
        if (destination.objects() != summary.migratedFiles()) {
            throw new IllegalStateException("the destination received " + destination.objects()
                    + " objects but the summary says " + summary.migratedFiles());
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(summary.toJson());
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        node.put("heap_peak_bytes", heapPeak);
        node.put("heap_max_bytes", Runtime.getRuntime().maxMemory());
        node.put("micros_per_object", summary.elapsedMs() * 1000.0 / Math.max(1, objects));
        return json.writeValueAsString(node);
    }
}
