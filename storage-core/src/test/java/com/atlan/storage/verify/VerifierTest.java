package com.atlan.storage.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.local.LocalBackend;
import com.atlan.storage.testing.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {

    @TempDir
    Path dir;

    private static void write(Backend store, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    @Test
    void reportsMatchingMissingExtraAndDiffering() {
        MemoryBackend source = new MemoryBackend("objectstore");
        MemoryBackend destination = new MemoryBackend("upstream-objectstore");
        write(source, "p/same", "1");
        write(destination, "p/same", "1");
        write(source, "p/missing", "2");
        write(destination, "p/extra", "3");
        write(source, "p/differs", "abc");
        write(destination, "p/differs", "abd");
        write(destination, "other/ignored", "x");

        VerificationReport report = new Verifier(source, destination, "p", false).run();

        assertThat(report.total()).isEqualTo(3);
        assertThat(report.matching()).isEqualTo(1);
        assertThat(report.missingKeys()).containsExactly("p/missing");
        assertThat(report.extraKeys()).containsExactly("p/extra");
        assertThat(report.differingKeys()).containsExactly("p/differs");
        assertThat(report.matches()).isFalse();
        assertThat(report.toJson())
                .startsWith("{\"total\":3,\"matching\":1,\"missing\":1,\"extra\":1,\"differing\":1,")
                .contains("\"missing_keys\":[\"p/missing\"]")
                .doesNotContain("matches");
    }

    @Test
    void afterAMigrationBothSidesMatch() {
        MemoryBackend source = new MemoryBackend("objectstore");
        MemoryBackend destination = new MemoryBackend("upstream-objectstore");
        for (int i = 0; i < 100; i++) {
            write(source, "m/" + i, "v" + i);
        }
        new Migrator(source, destination, "", MigrationOptions.defaults()).run();
        VerificationReport report = new Verifier(source, destination, "", false).run();
        assertThat(report.matches()).isTrue();
        assertThat(report.matching()).isEqualTo(100);
    }

    @Test
    void downloadCatchesWhatModificationTimesHide() throws Exception {
        LocalBackend source = new LocalBackend("objectstore", dir.resolve("src"));
        LocalBackend destination = new LocalBackend("upstream-objectstore", dir.resolve("dst"));
        write(source, "f", "abc");
        write(destination, "f", "abd");
        FileTime time = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(source.root().resolve("f"), time);
        Files.setLastModifiedTime(destination.root().resolve("f"), time);

        assertThat(new Verifier(source, destination, "", false).run().matches()).isTrue();
        VerificationReport hashed = new Verifier(source, destination, "", true).run();
        assertThat(hashed.differingKeys()).containsExactly("f");
        assertThat(hashed.downloaded()).isEqualTo(1);
    }
}
