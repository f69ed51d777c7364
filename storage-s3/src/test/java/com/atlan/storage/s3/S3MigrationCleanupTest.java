package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.testing.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** A migration into S3 first aborts the multipart uploads that earlier, killed runs left under its prefix. */
class S3MigrationCleanupTest {

    @Test
    void aRunAbortsTheUploadsAKilledRunLeftUnderItsPrefixAndNoOthers() {
        MemoryBackend source = new MemoryBackend("objectstore");
        source.put("jobs/a", new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.DEFAULT);
        TestS3Server server = S3ProxyServer.get();
        try (S3Backend destination = server.newStore("upstream-objectstore", Map.of())) {
            String bucket = destination.bucket();
            // what a run killed during two multipart uploads leaves behind, and someone else's upload
            server.admin().createMultipartUpload(b -> b.bucket(bucket).key("jobs/big-1"));
            server.admin().createMultipartUpload(b -> b.bucket(bucket).key("jobs/deep/big-2"));
            server.admin().createMultipartUpload(b -> b.bucket(bucket).key("elsewhere/big-3"));

            MigrationSummary summary = new Migrator(source, destination, "jobs/", MigrationOptions.defaults()).run();

            assertThat(summary.migratedFiles()).isEqualTo(1);
            assertThat(server.admin()
                            .listMultipartUploads(b -> b.bucket(bucket))
                            .uploads())
                    .extracting(MultipartUpload::key)
                    .containsExactly("elsewhere/big-3");
        }
    }
}
