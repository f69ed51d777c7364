package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The folder fan-out listing yields exactly what a flat listing yields, in the same order. */
class FanOutListingTest {

    private final S3ProxyServer server = S3ProxyServer.get();

    @Test
    void matchesTheFlatListingForEveryPrefixAndStartAfter() {
        List<String> keys = new ArrayList<>(List.of(
                "a-b/x",
                "a.txt",
                "a/x",
                "a/y/z",
                "a/y0",
                "a0/q",
                "b/1",
                "b/2/3",
                "b1",
                "c d/%+é",
                "top.json",
                "zz/deep/er/k",
                "zz/deep/er/l/m",
                "zz/deep/es",
                "zz/deep/er/l/n/o/p"));
        for (int i = 0; i < 30; i++) {
            keys.add(String.format("many/f%02d/obj", i));
        }
        try (S3Backend fanOut = server.newStore("fan-out", Map.of());
                S3Backend flat = (S3Backend) new S3StoreProvider()
                        .create(server.settings("flat", fanOut.bucket(), Map.of("parallelListing", "false")))) {
            for (String key : keys) {
                fanOut.put(key, new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.DEFAULT);
            }
            List<String> expected = keys.stream().sorted(KeyOrder.COMPARATOR).toList();
            assertThat(keys(flat, "", null)).containsExactlyElementsOf(expected);

            // "" and "zz/" are narrow (fewer than 8 folders): their folders are fanned out again, levels deep
            for (String prefix : List.of("", "a/", "a", "many/", "zz/", "zz/deep/", "nothing/")) {
                for (String startAfter : new String[] {
                    null,
                    "a",
                    "a/x",
                    "a/y/",
                    "many/f07/obj",
                    "many/f07",
                    "b/1",
                    "zz/deep/er/k",
                    "zz/deep/er/l/",
                    "zz/deep/er/l/n",
                    "zz/deep/er0",
                    "zzz"
                }) {
                    assertThat(keys(fanOut, prefix, startAfter))
                            .as("prefix '%s' after '%s'", prefix, startAfter)
                            .containsExactlyElementsOf(keys(flat, prefix, startAfter));
                }
            }
        }
    }

    private static List<String> keys(S3Backend store, String prefix, String startAfter) {
        try (var listing = store.list(prefix, startAfter)) {
            return listing.map(ObjectInfo::key).toList();
        }
    }
}
