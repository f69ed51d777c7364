package com.atlan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.testing.MultipartTags;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartsMd5Test {

    private static final int MIB = 1024 * 1024;

    static String tag(byte[] data, int partSize) {
        return MultipartTags.of(data, partSize);
    }

    private static byte[] data(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    private static boolean fed(byte[] data, String tag) {
        PartsMd5 check = new PartsMd5(data.length, tag);
        for (int offset = 0; offset < data.length; offset += 100_000) { // chunks that straddle part boundaries
            check.update(data, offset, Math.min(100_000, data.length - offset));
        }
        return check.matches();
    }

    @Test
    void contentUploadedInTheUsualPartSizesMatchesItsTag() {
        byte[] data = data(21 * MIB + 12345);
        assertThat(fed(data, tag(data, 5 * MIB)))
                .as("5 MiB parts (Go SDK, Dapr, rclone)")
                .isTrue();
        assertThat(fed(data, tag(data, 8 * MIB)))
                .as("8 MiB parts (boto3, AWS CLI)")
                .isTrue();
        assertThat(fed(data, tag(data, 16 * MIB))).as("16 MiB parts").isTrue();
    }

    @Test
    void oneFlippedByteMatchesNoPartSize() {
        byte[] data = data(12 * MIB);
        String tag = tag(data, 5 * MIB);
        data[7 * MIB] ^= 0x10;
        assertThat(fed(data, tag)).isFalse();
    }

    @Test
    void anUnusualPartSizeProvesNothingEitherWay() {
        byte[] data = data(12 * MIB);
        String tag = tag(data, 7 * MIB);
        assertThat(fed(data, tag)).isFalse();
        assertThat(new PartsMd5(data.length, tag).hasCandidates()).isTrue();
    }

    @Test
    void singlePartUploadsAndEmptyObjectsMatchToo() {
        byte[] small = data(1000);
        assertThat(fed(small, tag(small, 5 * MIB))).isTrue();
        assertThat(fed(new byte[0], tag(new byte[0], 5 * MIB))).isTrue();
    }

    @Test
    void readsThePartCountOnlyFromAWellFormedTag() {
        assertThat(PartsMd5.partCount("0123456789abcdef0123456789abcdef-12")).isEqualTo(12);
        assertThat(PartsMd5.partCount("0123456789abcdef0123456789abcdef")).isEqualTo(-1);
        assertThat(PartsMd5.partCount("0123456789abcdef0123456789abcdeg-2")).isEqualTo(-1);
        assertThat(PartsMd5.partCount("0123456789abcdef0123456789abcdef-0")).isEqualTo(-1);
        assertThat(PartsMd5.partCount("0123456789abcdef0123456789abcdef-x")).isEqualTo(-1);
        assertThat(PartsMd5.partCount(null)).isEqualTo(-1);
    }
}
