package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.accounting.ObjectOutcome;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.OutcomeRecorder;
import com.atlan.storage.testing.TestData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * S3 to Azure between the real backends (S3Proxy and Azurite), through the engine: the S3 store presigns reads, so the
 * engine asks Azure to copy (Put Block From URL); Azurite fetches copy sources only from itself and answers
 * {@code CannotVerifyCopySource} 404, so the Azure store gives the objects back to the engine, which streams them
 * with the same bytes and metadata and books them as streamed, not as server-side copies. Against Azure itself the
 * same path copies without this process (docs/azure.md).
 */
class S3ToAzureCopyTest {

    private static final ObjectMetadata CSV =
            new ObjectMetadata("text/csv", null, null, null, "max-age=60", Map.of("owner", "atlan"));

    @Test
    void s3ToAzureStreamsWhereTheServiceCannotReachTheUrlsAndSaysSo() throws Exception {
        try (Backend s3 = CloudEndToEndTest.s3().open("deployment");
                Backend azure = CloudEndToEndTest.azure().open("upstream")) {
            long large = 9L * 1024 * 1024; // several copy blocks
            s3.put("data/large.bin", TestData.randomStream(1, large), large, PutOptions.DEFAULT.withMetadata(CSV));
            s3.put("data/small.csv", TestData.randomStream(2, 1000), 1000, PutOptions.DEFAULT.withMetadata(CSV));
            s3.put("data/odd +%~ é.txt", TestData.randomStream(3, 10), 10, PutOptions.DEFAULT);
            CountingSource source = new CountingSource(s3);
            assertThat(azure.features().canCopyFrom(source.features()))
                    .as("the engine chooses copyFrom for S3 -> Azure")
                    .isTrue();
            OutcomeRecorder recording = new OutcomeRecorder();

            MigrationSummary summary = new Migrator(
                            source,
                            azure,
                            "data/",
                            MigrationOptions.defaults().toBuilder()
                                    .listener(recording)
                                    .build())
                    .run();

            List<ObjectInfo> listed = s3.list("data/", null).toList();
            assertThat(summary.migratedFiles()).isEqualTo(listed.size());
            assertThat(recording.outcomes())
                    .as("every object streamed and booked as streamed, none as a server-side copy")
                    .hasSize(listed.size())
                    .allSatisfy((key, outcome) -> assertThat(outcome).isEqualTo(ObjectOutcome.COPIED));
            assertThat(source.opened.get()).as("every object read through here").isEqualTo(listed.size());
            for (ObjectInfo object : listed) {
                try (ObjectContent copy = azure.open(object.key());
                        ObjectContent original = s3.open(object.key())) {
                    assertThat(TestData.sha256(copy)).isEqualTo(TestData.sha256(original));
                }
            }
            ObjectMetadata copied = azure.stat("data/small.csv").orElseThrow().metadata();
            assertThat(copied.contentType()).isEqualTo("text/csv");
            assertThat(copied.user()).containsEntry("owner", "atlan");
        }
    }

    /**
     * The S3 store with its features (so the engine chooses copyFrom, and Azure presigns through the store itself),
     * counting the objects read through this process.
     */
    private static final class CountingSource extends ForwardingBackend {
        private final Backend origin;
        final AtomicInteger opened = new AtomicInteger();

        CountingSource(Backend origin) {
            super(origin);
            this.origin = origin;
        }

        @Override
        public Features features() {
            return origin.features();
        }

        @Override
        public ObjectContent open(String key) {
            opened.incrementAndGet();
            return super.open(key);
        }
    }
}
