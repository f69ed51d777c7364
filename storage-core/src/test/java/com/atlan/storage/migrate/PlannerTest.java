package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.listing.ContentMatch;
import com.atlan.storage.listing.ListingJoin;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.local.LocalBackend;
import com.atlan.storage.testing.MemoryBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final Instant T = Instant.parse("2024-05-01T00:00:00Z");
    private static final String MD5_A = "0cc175b9c0f1b6a831c399e269772661";
    private static final String MD5_B = "92eb5ffee6ae2fec3ad71c777531578f";

    private final ContentMatch md5Stores = new ContentMatch(new MemoryBackend("a"), new MemoryBackend("b"));
    private final ContentMatch timeStores =
            new ContentMatch(new LocalBackend("a", Path.of("a")), new MemoryBackend("b"));

    private static ObjectInfo obj(String key, long size, Instant mtime, String etag) {
        Hashes md5 = etag != null && etag.length() == 32 && Hashes.isHex(etag)
                ? Hashes.of(HashKind.MD5, etag)
                : Hashes.none();
        return new ObjectInfo(key, size, mtime, etag, md5, null);
    }

    private static Planner skippingUnchanged(
            java.util.Iterator<ObjectInfo> source, java.util.Iterator<ObjectInfo> destination, ContentMatch match) {
        return new Planner(new ListingJoin(source, destination, KeyOrder.COMPARATOR), match);
    }

    private static List<String> plan(Planner planner) {
        List<String> out = new ArrayList<>();
        planner.forEachRemaining(p -> out.add(p.action() + " " + p.source().key()));
        return out;
    }

    @Test
    void copiesWhatTheDestinationLacksAndIgnoresWhatOnlyTheDestinationHas() {
        List<ObjectInfo> source = List.of(obj("a", 1, T, MD5_A), obj("c", 1, T, MD5_A), obj("e", 1, T, MD5_A));
        List<ObjectInfo> destination = List.of(obj("b", 1, T, MD5_A), obj("c", 1, T, MD5_A), obj("d", 1, T, MD5_A));
        assertThat(plan(skippingUnchanged(source.iterator(), destination.iterator(), md5Stores)))
                .containsExactly("COPY a", "SKIP c", "COPY e");
    }

    @Test
    void comparesMd5EtagsWhenBothSidesHaveThem() {
        List<ObjectInfo> source =
                List.of(obj("same", 1, T, MD5_A), obj("changed", 1, T, MD5_A), obj("resized", 2, T, MD5_A));
        List<ObjectInfo> destination = List.of(
                obj("same", 1, T.minusSeconds(60), MD5_A.toUpperCase(java.util.Locale.ROOT)),
                obj("changed", 1, T.plusSeconds(60), MD5_B),
                obj("resized", 1, T, MD5_A));
        source = source.stream().sorted((x, y) -> x.key().compareTo(y.key())).toList();
        destination = destination.stream()
                .sorted((x, y) -> x.key().compareTo(y.key()))
                .toList();
        assertThat(plan(skippingUnchanged(source.iterator(), destination.iterator(), md5Stores)))
                .containsExactly("COPY changed", "COPY resized", "SKIP same");
    }

    @Test
    void multipartEtagsFallBackToModificationTime() {
        List<ObjectInfo> source = List.of(obj("newer", 5, T, "abc-2"), obj("older", 5, T, "abc-2"));
        List<ObjectInfo> destination =
                List.of(obj("newer", 5, T.plusSeconds(1), "def-3"), obj("older", 5, T.minusSeconds(1), "def-3"));
        assertThat(plan(skippingUnchanged(source.iterator(), destination.iterator(), md5Stores)))
                .containsExactly("SKIP newer", "COPY older");
    }

    @Test
    void withoutMd5EtagsSkipsWhenTheDestinationIsAsNewAndAsLarge() {
        List<ObjectInfo> source =
                List.of(obj("equal", 3, T, null), obj("no-time", 3, null, null), obj("stale", 3, T, null));
        List<ObjectInfo> destination = List.of(
                obj("equal", 3, T, MD5_A), obj("no-time", 3, T, MD5_A), obj("stale", 3, T.minusMillis(1), MD5_A));
        assertThat(plan(skippingUnchanged(source.iterator(), destination.iterator(), timeStores)))
                .containsExactly("SKIP equal", "COPY no-time", "COPY stale");
    }

    @Test
    void withoutAMatchEveryObjectIsCopiedEvenWhenTheDestinationHoldsIt() {
        List<ObjectInfo> source = List.of(obj("a", 1, T, MD5_A), obj("b", 1, T, MD5_A));
        assertThat(plan(skippingUnchanged(source.iterator(), source.iterator(), null)))
                .containsExactly("COPY a", "COPY b");
    }
}
