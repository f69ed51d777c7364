package com.atlan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashesTest {

    private static final String MD5_EMPTY = "d41d8cd98f00b204e9800998ecf8427e";

    @Test
    void aHashMustHaveItsKindsLengthInHexAndIsLowercased() {
        assertThat(Hashes.of(HashKind.MD5, MD5_EMPTY.toUpperCase(java.util.Locale.ROOT))
                        .get(HashKind.MD5))
                .contains(MD5_EMPTY);
        assertThatThrownBy(() -> Hashes.of(HashKind.MD5, "d41d8cd98f00b204e9800998ecf842-2"))
                .as("a multipart entity tag is no MD5")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> Hashes.of(HashKind.MD5, "d41d8cd98f00b204e9800998ecf8427\u0663"))
                .as("a non-ASCII digit")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hashes.of(HashKind.CRC32C, MD5_EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Hashes.of(HashKind.MD5, null)).isEqualTo(Hashes.none());
    }

    @Test
    void comparesOnlyOnTheKindsBothKnow() {
        Hashes md5 = Hashes.of(HashKind.MD5, MD5_EMPTY);
        Hashes crc = Hashes.of(HashKind.CRC32C, "00000000");
        Hashes both = md5.with(crc);

        assertThat(md5.compare(crc)).isEqualTo(Hashes.Comparison.UNKNOWN);
        assertThat(md5.compare(Hashes.none())).isEqualTo(Hashes.Comparison.UNKNOWN);
        assertThat(both.compare(md5)).isEqualTo(Hashes.Comparison.SAME);
        assertThat(both.compare(Hashes.of(HashKind.CRC32C, "00000001"))).isEqualTo(Hashes.Comparison.DIFFERENT);
        assertThat(both.compare(md5.with(HashKind.CRC32C, "00000001")))
                .as("one kind agreeing does not hide another that differs")
                .isEqualTo(Hashes.Comparison.DIFFERENT);
    }

    @Test
    void theHasherComputesEveryComputableKindInOnePass() {
        ContentHasher hasher = new ContentHasher(Set.of(HashKind.MD5, HashKind.CRC32C, HashKind.SHA256));
        byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
        hasher.update(abc, 0, 3);
        Hashes h = hasher.finish();

        assertThat(h.get(HashKind.MD5)).contains("900150983cd24fb0d6963f7d28e17f72");
        assertThat(h.get(HashKind.SHA256)).contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(h.get(HashKind.CRC32C)).contains("364b3fb7");
        assertThat(ContentHasher.computable(Set.of(HashKind.CRC64NVME))).isEmpty();
    }
}
