package com.atlan.storage.migrate;

import com.atlan.storage.accounting.ProgressListener;
import com.atlan.storage.state.SqliteCheckpointStore;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.local.LocalBackend;
import com.atlan.storage.testing.SlowBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A migration between two local folders, slowed down so a test can kill its JVM part way. Prints
 * {@code migrated KEY} per object and {@code bytes N} per MiB to stdout for the test to watch.
 *
 * <p>Arguments: source-dir destination-dir checkpoint-db job-id concurrency list-ms open-ms read-ms-per-64KiB.
 */
public final class CrashableMigration {

    private CrashableMigration() {}

    public static void main(String[] args) {
        LocalBackend source = new LocalBackend("objectstore", Path.of(args[0]));
        LocalBackend destination = new LocalBackend("upstream-objectstore", Path.of(args[1]));
        SlowBackend slow = new SlowBackend(
                source,
                Duration.ofMillis(Long.parseLong(args[5])),
                Duration.ofMillis(Long.parseLong(args[6])),
                Duration.ofMillis(Long.parseLong(args[7])));
        AtomicLong bytes = new AtomicLong();
        ProgressListener printer = new ProgressListener() {
            @Override
            public void onMigrated(ObjectInfo object) {
                System.out.println("migrated " + object.key());
            }

            @Override
            public void onBytes(long n) {
                long before = bytes.getAndAdd(n);
                if ((before + n) >> 20 != before >> 20) {
                    System.out.println("bytes " + (before + n));
                }
            }
        };
        MigrationOptions options = MigrationOptions.builder()
                .concurrency(Integer.parseInt(args[4]))
                .jobId(args[3])
                .checkpointInterval(Duration.ofMillis(50))
                .listener(printer)
                .build();
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(Path.of(args[2]))) {
            MigrationSummary summary = new Migrator(slow, destination, "", options, checkpoints).run();
            System.out.println("done " + summary.toJson());
        }
    }
}
