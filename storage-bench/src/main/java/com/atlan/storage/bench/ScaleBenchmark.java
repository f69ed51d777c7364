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
 * <p>With {@code --dry-run-incremental} it instead dry-runs an incremental re-run: the destination already holds every
 * object but one, so the run lists both sides, plans every object and copies nothing. This is the case that must
 * stay in constant memory whatever N (docs/performance.md records the figures).
 *
 * <p>Usage: {@code ScaleBenchmark --objects N [--concurrency C] [--size BYTES] [--dry-run-incremental] [--json]}
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {}

    /** Runs the benchmark; prints one JSON object on stdout. */
    public static void main(String[] args) throws Exception {
        long objects = 1_000_000;
        int concurrency = MigrationOptions.DEFAULT_CONCURRENCY;
        int size = 1024;
        boolean dryRunIncremental = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--objects" -> objects = Long.parseLong(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--dry-run-incremental" -> dryRunIncremental = true;
                case "--json" -> {}
                default ->
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: --objects N [--concurrency C] [--size BYTES] [--dry-run-incremental] [--json]");
            }
        }
        System.out.println(dryRunIncremental ? dryRunIncremental(objects, size) : run(objects, concurrency, size));
    }

    /**
     * Dry-runs a re-run over {@code objects} synthetic objects of which the destination holds all but one, and returns
     * the summary JSON with the heap figures.
     */
    static String dryRunIncremental(long objects, int size) throws Exception {
        MigrationSummary summary = new Migrator(
                        new SyntheticSourceStore(objects, size),
                        new SyntheticSourceStore("synthetic-destination", objects, size, objects / 2),
                        "",
                        MigrationOptions.builder().dryRun(true).build())
                .run();
        if (summary.migratedFiles() != objects - 1 || summary.totalFiles() != objects) {
            throw new IllegalStateException(
                    "expected " + (objects - 1) + " identical of " + objects + ", got " + summary.toJson());
        }
        return withHeap(summary, objects);
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
        return withHeap(summary, objects);
    }

    private static String withHeap(MigrationSummary summary, long objects) throws Exception {
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
