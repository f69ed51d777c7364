package com.atlan.storage.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {

    @TempDir
    Path dir;

    @Test
    void sortsMoreKeysThanItHoldsInMemoryBySpillingRunsAndDeletesThem() throws Exception {
        List<ObjectInfo> objects = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            objects.add(ObjectInfo.of("k/" + i + (i % 3 == 0 ? "😀" : "\uFFFD"), i, null));
        }
        Collections.shuffle(objects, new Random(7));
        List<String> keys = new ArrayList<>();
        try (ExternalSorter sorter = new ExternalSorter(KeyOrder.COMPARATOR, 10, dir)) {
            objects.forEach(sorter::add);
            assertThat(sorter.runs()).isEqualTo(100);
            sorter.sorted().forEachRemaining(o -> keys.add(o.key()));
        }
        List<String> expected = objects.stream()
                .map(ObjectInfo::key)
                .sorted(KeyOrder.COMPARATOR)
                .toList();
        assertThat(keys).containsExactlyElementsOf(expected);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("runs deleted on close").isEmpty();
        }
    }

    @Test
    void aSpilledObjectComesBackWithEverythingTheListingSaid() {
        ObjectInfo full = new ObjectInfo(
                "a/ü key",
                42,
                Instant.parse("2024-05-01T10:15:30.123456789Z"),
                "etag-1",
                Hashes.of(HashKind.MD5, "0cc175b9c0f1b6a831c399e269772661").with(HashKind.CRC32C, "0a1b2c3d"),
                new ObjectMetadata("text/csv", "gzip", null, "en", "max-age=1", Map.of("owner", "x")));
        ObjectInfo bare = ObjectInfo.of("b", 0, null);
        try (ExternalSorter sorter = new ExternalSorter(KeyOrder.COMPARATOR, 1, dir)) {
            sorter.add(bare);
            sorter.add(full);
            Iterator<ObjectInfo> sorted = sorter.sorted();
            assertThat(sorted.next()).isEqualTo(full);
            assertThat(sorted.next()).isEqualTo(bare);
            assertThat(sorted.hasNext()).isFalse();
        }
    }
}
