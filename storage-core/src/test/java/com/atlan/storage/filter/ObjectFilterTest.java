package com.atlan.storage.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.ObjectInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ObjectFilterTest {

    private static ObjectInfo object(String key, long size, Instant modified) {
        return ObjectInfo.of(key, size, modified);
    }

    @Test
    void aGlobWithoutSlashMatchesTheLastSegmentAtAnyDepthAsRcloneDoes() {
        KeyGlob csv = KeyGlob.compile("*.csv");
        assertThat(csv.matches("a.csv")).isTrue();
        assertThat(csv.matches("x/y/a.csv")).isTrue();
        assertThat(csv.matches("a.csv.bak")).isFalse();
        assertThat(KeyGlob.compile("/*.csv").matches("x/a.csv"))
                .as("a leading / anchors at the start")
                .isFalse();
        assertThat(KeyGlob.compile("/x/**").matches("x/y/z.bin")).isTrue();
        assertThat(KeyGlob.compile("tmp/").matches("a/tmp/b/c")).isTrue();
        assertThat(KeyGlob.compile("file?.{txt,md}").matches("d/file1.md")).isTrue();
        assertThat(KeyGlob.compile("[!a]*").matches("b1")).isTrue();
        assertThat(KeyGlob.compile("[!a]*").matches("a1")).isFalse();
    }

    @Test
    void badGlobsAreRefusedNamingTheGlob() {
        assertThatThrownBy(() -> KeyGlob.compile("a[b")).hasMessageContaining("'a[b'");
        assertThatThrownBy(() -> KeyGlob.compile("{a,b")).hasMessageContaining("'{' without '}'");
        assertThatThrownBy(() -> KeyGlob.compile("")).hasMessageContaining("empty glob");
    }

    @Test
    void theFirstMatchingRuleDecidesIncludesFirstAndAnyIncludeExcludesTheUnmatched() {
        ObjectFilter filter =
                ObjectFilter.builder().include("*.csv").exclude("tmp/").build();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(filter.test(object("tmp/a.csv", 1, t)))
                .as("the include matched first")
                .isTrue();
        assertThat(filter.test(object("tmp/a.json", 1, t))).isFalse();
        assertThat(filter.test(object("a.json", 1, t)))
                .as("unmatched, with includes given")
                .isFalse();
        ObjectFilter excludeOnly = ObjectFilter.builder().exclude("*.tmp").build();
        assertThat(excludeOnly.test(object("a.json", 1, t))).isTrue();
        assertThat(excludeOnly.test(object("a.tmp", 1, t))).isFalse();
    }

    @Test
    void sizeAndAgeBoundsAreInclusiveAndAnUnknownTimeFailsEveryAgeBound() {
        Instant now = Instant.parse("2024-05-10T00:00:00Z");
        ObjectFilter filter = ObjectFilter.builder()
                .minSize(SizeSuffix.parse("1k"))
                .maxSize(SizeSuffix.parse("2k"))
                .modifiedAfter(AgeSpec.parse("7d", now, ZoneOffset.UTC))
                .build();
        Instant recent = Instant.parse("2024-05-05T00:00:00Z");
        assertThat(filter.test(object("a", 1024, recent))).isTrue();
        assertThat(filter.test(object("a", 2048, recent))).isTrue();
        assertThat(filter.test(object("a", 1023, recent))).isFalse();
        assertThat(filter.test(object("a", 2049, recent))).isFalse();
        assertThat(filter.test(object("a", 1500, Instant.parse("2024-05-01T00:00:00Z"))))
                .isFalse();
        assertThat(filter.test(object("a", 1500, null))).isFalse();
    }

    @Test
    void boundsThatSelectNothingAreRefused() {
        assertThatThrownBy(() -> ObjectFilter.builder().minSize(10).maxSize(5).build())
                .hasMessageContaining("minimum size 10 is above the maximum 5");
    }

    @Test
    void sizesAndAgesParseAsPeopleWriteThem() {
        assertThat(SizeSuffix.parse("10M")).isEqualTo(10L * 1024 * 1024);
        assertThat(SizeSuffix.parse("1.5k")).isEqualTo(1536);
        assertThat(SizeSuffix.parse("10MiB")).isEqualTo(10L * 1024 * 1024);
        assertThat(SizeSuffix.parse("100")).isEqualTo(100);
        assertThatThrownBy(() -> SizeSuffix.parse("ten")).hasMessageContaining("'ten' is not a size");
        assertThat(AgeSpec.duration("1h30m").toMinutes()).isEqualTo(90);
        assertThat(AgeSpec.parse("2024-05-01", Instant.EPOCH, ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThatThrownBy(() -> AgeSpec.duration("3 days")).hasMessageContaining("'3 days' is not an age");
    }
}
