package com.atlan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
        assertThat(keys.toKey(Path.of("local/tmp/a/b").toAbsolutePath().toString())).isEqualTo("a/b");
        assertThat(keys.toKey("./local/tmp/")).isEmpty();
        assertThat(keys.toKey(".")).isEmpty();
        assertThat(keys.toKey("processed_data/2024/")).isEqualTo("processed_data/2024");
    }

    @Property
    void isIdempotent(@ForAll("paths") String path) {
        String once = keys.toKey(path);
        assertThat(keys.toKey(once)).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019 -_.%+é日😀").ofMinLength(1).ofMaxLength(6)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> separator = Arbitraries.of("/", "\\", "//");
        return Arbitraries.lazy(() -> segment.list().ofMinSize(1).ofMaxSize(4)
                .flatMap(segs -> separator.list().ofSize(segs.size() + 1).map(seps -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < segs.size(); i++) {
                        sb.append(seps.get(i)).append(segs.get(i));
                    }
                    return sb.append(seps.get(segs.size())).toString();
                })));
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
