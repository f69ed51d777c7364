package com.atlan.storage.testing;

import com.atlan.storage.accounting.ProgressListener;
import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.services.AtlanStorage;
import com.atlan.storage.store.ObjectInfo;
import java.time.Duration;

/**
 * A migration configured like a user's, from the components the environment and working directory name, for a
 * test to kill with SIGKILL part way: prints {@code migrated KEY} per object to stdout.
 *
 * <p>Arguments: concurrency.
 */
public final class CrashableAtlanMigration {

    private CrashableAtlanMigration() {}

    public static void main(String[] args) {
        ProgressListener printer = new ProgressListener() {
            @Override
            public void onMigrated(ObjectInfo object) {
                System.out.println("migrated " + object.key());
            }
        };
        MigrationOptions options = MigrationOptions.builder()
                .concurrency(Integer.parseInt(args[0]))
                .checkpointInterval(Duration.ofMillis(50))
                .listener(printer)
                .build();
        MigrationSummary summary = new AtlanStorage(StorageConfiguration.load(), options).migrate("");
        System.out.println("done " + summary.toJson());
    }
}
