package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.TestData;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * S3 to Azure between the real backends (S3Proxy and Azurite): the S3 store presigns reads, so Azure takes the
 * server-side Put Block From URL path; Azurite fetches copy sources only from itself and answers
 * {@code CannotVerifyCopySource} 404, so the Azure store falls back to streaming, once per source, with the same bytes
 * and metadata. Against Azure itself the same path copies without this process (docs/azure.md).
 */
class S3ToAzureCopyTest {

    private static final ObjectMetadata CSV =
            new ObjectMetadata("text/csv", null, null, null, "max-age=60", Map.of("owner", "atlan"));

    @Test
    void azureCopiesFromS3ByPresignedUrlAndStreamsWhereTheServiceCannotReachIt() throws Exception {
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
            List<ObjectInfo> listed = source.list("data/", null).toList();
            for (ObjectInfo object : listed) {
                azure.copyFrom(source, object);
            }

            assertThat(source.presigned.get())
                    .as("asked for a URL once, then streamed")
                    .isEqualTo(1);
            assertThat(source.opened.get()).as("every object streamed").isEqualTo(listed.size());
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

    /** The S3 store with its features and presigned URLs, counting URLs asked for and objects read through here. */
    private static final class CountingSource extends ForwardingBackend {
        private final Backend origin;
        final AtomicInteger presigned = new AtomicInteger();
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
        public Optional<URI> presignRead(String key, Duration validFor) {
            presigned.incrementAndGet();
            return origin.presignRead(key, validFor);
        }

        @Override
        public ObjectContent open(String key) {
            opened.incrementAndGet();
            return super.open(key);
        }
    }
}
