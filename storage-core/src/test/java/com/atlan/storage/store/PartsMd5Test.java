package com.atlan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.testing.MultipartTags;
import java.security.MessageDigest;
import java.util.Arrays;
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

    private static byte[] md5(byte[] data, int from, int to) {
        try {
            return MessageDigest.getInstance("MD5").digest(Arrays.copyOfRange(data, from, to));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void handsAWriterTheMd5OfEachPartItHashedOnce() {
        byte[] data = data(13 * MIB + 777);
        PartsMd5 check = new PartsMd5(data.length, tag(data, 5 * MIB));
        check.update(data, 0, 5 * MIB + 10);
        assertThat(check.partMd5(0, 5 * MIB))
                .hasValueSatisfying(md5 -> assertThat(md5).isEqualTo(md5(data, 0, 5 * MIB)));
        assertThat(check.partMd5(0, 5 * MIB)).as("handed out once").isEmpty();
        assertThat(check.partMd5(5 * MIB, 5 * MIB))
                .as("not hashed to its end yet")
                .isEmpty();
        check.update(data, 5 * MIB + 10, data.length - 5 * MIB - 10);
        assertThat(check.partMd5(5 * MIB, 5 * MIB))
                .hasValueSatisfying(md5 -> assertThat(md5).isEqualTo(md5(data, 5 * MIB, 10 * MIB)));
        // the last, shorter part is ready as soon as its last byte was fed, before any check of the tag
        assertThat(check.partMd5(10 * MIB, data.length - 10 * MIB))
                .hasValueSatisfying(md5 -> assertThat(md5).isEqualTo(md5(data, 10 * MIB, data.length)));
        assertThat(check.partMd5(0, 8 * MIB)).as("a part size never hashed").isEmpty();
        assertThat(check.partMd5(1, 5 * MIB)).as("a range that is no part").isEmpty();
        assertThat(check.matches()).isTrue();
    }

    @Test
    void recognisesTheSourcesPartSizeOnlyWhenOneFitsOrThePreferredDoes() {
        long size = 21L * MIB + 12345;
        // 5 parts: 5 MiB fits (and 5 MiB alone of the usual sizes)
        assertThat(PartsMd5.likelyPartSize(size, "0123456789abcdef0123456789abcdef-5", 8L * MIB))
                .hasValue(5L * MIB);
        // 2 parts: 15 and 16 MiB both fit; only the preferred one is chosen, else none
        assertThat(PartsMd5.likelyPartSize(size, "0123456789abcdef0123456789abcdef-2", 16L * MIB))
                .hasValue(16L * MIB);
        assertThat(PartsMd5.likelyPartSize(size, "0123456789abcdef0123456789abcdef-2", 8L * MIB))
                .isEmpty();
        assertThat(PartsMd5.likelyPartSize(size, "0123456789abcdef0123456789abcdef-1", 8L * MIB))
                .as("one part says nothing of the part size")
                .isEmpty();
        assertThat(PartsMd5.likelyPartSize(size, "0123456789abcdef0123456789abcdef-4000", 8L * MIB))
                .isEmpty();
    }
}
