package com.atlan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StoreKeysTest {

    private final StoreKeys keys = new StoreKeys(Path.of("./local/tmp/"));

    @Test
    void followsTheSdkRules() {
        assertThat(keys.toKey(null)).isEmpty();
        assertThat(keys.toKey("")).isEmpty();
        assertThat(keys.toKey("/a/b/")).isEqualTo("a/b");
        assertThat(keys.toKey("a\\b\\c.txt")).isEqualTo("a/b/c.txt");
        assertThat(keys.toKey("./local/tmp/artifacts/apps/x/1.json")).isEqualTo("artifacts/apps/x/1.json");
        assertThat(keys.toKey("local/tmp/artifacts")).isEqualTo("artifacts");
        assertThat(keys.toKey(Path.of("local/tmp/a/b").toAbsolutePath().toString()))
                .isEqualTo("a/b");
        assertThat(keys.toKey("./local/tmp/")).isEmpty();
        assertThat(keys.toKey(".")).isEmpty();
        assertThat(keys.toKey("processed_data/2024/")).isEqualTo("processed_data/2024");
    }

    /**
     * Property: normalising a normalised key changes nothing. Generated from a fixed seed (reproducible)
     * over segments with separators of every kind, unicode, spaces, '%' and '+'.
     */
    @Test
    void isIdempotent() {
        SplittableRandom random = new SplittableRandom(20261125);
        String alphabet = "abcXYZ019 -_.%+é日";
        String[] separators = {"/", "\\", "//", "/./"};
        for (int i = 0; i < 5000; i++) {
            StringBuilder path = new StringBuilder();
            int segments = 1 + random.nextInt(4);
            for (int s = 0; s < segments; s++) {
                path.append(separators[random.nextInt(separators.length)]);
                int length = 1 + random.nextInt(6);
                for (int c = 0; c < length; c++) {
                    path.append(
                            random.nextInt(10) == 0
                                    ? "😀"
                                    : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
                }
            }
            if (random.nextBoolean()) {
                path.append(separators[random.nextInt(separators.length)]);
            }
            String once = keys.toKey(path.toString());
            assertThat(keys.toKey(once)).as("normalising %s", path).isEqualTo(once);
        }
    }

    @Test
    void keyPrefixSelectsTheKeyAndItsChildrenButNoSiblings() {
        KeyPrefix orders = KeyPrefix.of("orders", keys);
        assertThat(orders.matches("orders")).isTrue();
        assertThat(orders.matches("orders/1")).isTrue();
        assertThat(orders.matches("orders_archive/1")).isFalse();
        assertThat(orders.matches("ordersx")).isFalse();
        KeyPrefix dir = KeyPrefix.of("orders/", keys);
        assertThat(dir.matches("orders")).isFalse();
        assertThat(dir.matches("orders/1")).isTrue();
        assertThat(dir.raw()).isEqualTo("orders/");
        assertThat(KeyPrefix.of("", keys).matches("anything")).isTrue();
    }

    @Test
    void keyOrderIsUtf8ByteOrder() {
        // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (4 bytes, F0 ...), unlike String.compareTo
        String bmp = "\uFF5E";
        String astral = "😀";
        assertThat(bmp.compareTo(astral)).isPositive();
        assertThat(KeyOrder.compare(bmp, astral)).isNegative();
        assertThat(KeyOrder.compare("a-b", "a/b")).isNegative();
        assertThat(KeyOrder.compare("a", "a/")).isNegative();
        assertThat(KeyOrder.compare("abc", "abc")).isZero();
    }
}
