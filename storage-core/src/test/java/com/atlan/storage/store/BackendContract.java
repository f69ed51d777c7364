package com.atlan.storage.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ObjectStore} backend promises. A backend's test extends this class and
 * supplies a new, empty store per test; backend-specific tests live next to it.
 */
public abstract class BackendContract {

    /** Bytes in a mebibyte. */
    protected static final long MiB = 1024 * 1024;

    /** The store under test; created before each test by {@link #store()}. */
    protected Backend store;

    /** A new, empty store. Called once before each test; the contract closes it after the test. */
    protected abstract Backend store();

    /**
     * How many keys the pagination test writes. Object stores page at 1,000 keys, so backends with
     * server-side paging keep the default; others may lower it to run faster.
     */
    protected int paginationKeyCount() {
        return 1_100;
    }

    /** The size of the large round-trip object; backends without multipart writes may lower it. */
    protected long largeObjectSize() {
        return 100 * MiB;
    }

    /**
     * Whether the server lists keys with characters above U+FFFF in code point (UTF-8 byte) order, as
     * S3, Azure and GCS do. A test server that sorts by UTF-16 code units instead (S3Proxy 4.1.0) says
     * {@code false}; the contract then only checks that such keys are listed.
     */
    protected boolean listsSupplementaryCharactersInCodePointOrder() {
        return true;
    }

    @BeforeEach
    void createStore() {
        store = store();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // ---- listing ------------------------------------------------------------------------------

    @Test
    void listsKeysInCodePointOrder() {
        // '-' < '.' < '/' < '0' in UTF-8; U+FF5A is in the BMP but sorts before U+1F600, unlike UTF-16 order.
        List<String> keys =
                List.of("a0", "a/b", "a-b", "a.txt", "A", "z", "é", "\uFF5A", "\uD83D\uDE00", "a/b0", "a/a");
        keys.forEach(k -> putText(k, k));

        List<String> expected =
                List.of("A", "a-b", "a.txt", "a/a", "a/b", "a/b0", "a0", "z", "é", "\uFF5A", "\uD83D\uDE00");
        assertThat(expected).isSortedAccordingTo(KeyOrder.COMPARATOR);
        List<String> listed = keys(store.list("", null));
        if (store.features().listingOrder() != ListingOrder.CODE_POINT) {
            assertListed(listed, expected); // the order the store declares
        } else if (listsSupplementaryCharactersInCodePointOrder()) {
            assertThat(listed).containsExactlyElementsOf(expected);
        } else {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(listed.stream()
                            .filter(k -> k.codePoints().allMatch(c -> c < 0xE000))
                            .toList())
                    .containsExactlyElementsOf(expected.subList(0, 9));
        }
    }

    @Test
    void paginatesPastOneThousandKeys() throws Exception {
        int count = paginationKeyCount();
        List<String> expected = IntStream.range(0, count)
                .mapToObj(i -> "page/key-%05d".formatted(i))
                .toList();
        putAllInParallel(expected);
        putText("pagf", "outside the prefix");

        assertListed(keys(store.list("page/", null)), expected);
        String middle = expected.get(count / 2);
        assertListed(listAfter("page/", middle), expected.subList(count / 2 + 1, count));
        assertThat(keys(store.list("", null))).hasSize(count + 1);
    }

    @Test
    void listsUnderPrefixAfterStartAfter() {
        List.of("p/a", "p/b", "p/c/d", "p/e", "q/a", "pa").forEach(k -> putText(k, k));

        assertListed(keys(store.list("p/", null)), List.of("p/a", "p/b", "p/c/d", "p/e"));
        assertListed(listAfter("p/", "p/b"), List.of("p/c/d", "p/e"));
        assertListed(listAfter("p/", "p/bb"), List.of("p/c/d", "p/e"));
        assertListed(listAfter("p/", "a"), List.of("p/a", "p/b", "p/c/d", "p/e"));
        assertThat(listAfter("p/", "p/e")).isEmpty();
        assertListed(keys(store.list("p", null)), List.of("p/a", "p/b", "p/c/d", "p/e", "pa"));
        assertListed(listAfter("", "p/e"), List.of("pa", "q/a"));
        assertThat(keys(store.list("nothing/", null))).isEmpty();
    }

    @Test
    void listingReportsSizesAndModificationTimes() {
        putText("sized/one", "1");
        putText("sized/three", "333");

        List<ObjectInfo> listed = list(store.list("sized/", null));
        assertThat(listed).extracting(ObjectInfo::size).containsExactly(1L, 3L);
        assertThat(listed).allSatisfy(info -> assertThat(info.lastModified()).isNotNull());
    }

    @Test
    void selectNeverMatchesSiblingPrefixes() {
        List.of("orders/1", "orders/2/x", "orders_archive/x", "ordersX", "order", "report.csv", "report.csv.bak")
                .forEach(k -> putText(k, k));

        assertListed(select("orders", null), List.of("orders/1", "orders/2/x"));
        assertListed(select("orders/", null), List.of("orders/1", "orders/2/x"));
        assertListed(select("orders", "orders/1"), List.of("orders/2/x"));
        assertThat(select("report.csv", null)).containsExactly("report.csv");
        assertThat(select("report.csv/", null)).isEmpty();
        assertThat(select("report.csv", "report.csv")).isEmpty();
        assertListed(
                select("", null),
                List.of(
                        "order",
                        "orders/1",
                        "orders/2/x",
                        "ordersX",
                        "orders_archive/x",
                        "report.csv",
                        "report.csv.bak"));
        assertThat(select("missing", null)).isEmpty();
    }

    // ---- objects ------------------------------------------------------------------------------

    @Test
    void storesZeroByteObjects() throws IOException {
        ObjectInfo written = store.put("empty/zero", InputStream.nullInputStream(), 0, PutOptions.DEFAULT);

        assertThat(written.size()).isZero();
        assertThat(store.stat("empty/zero")).get().extracting(ObjectInfo::size).isEqualTo(0L);
        try (InputStream in = store.open("empty/zero")) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        try (InputStream in = store.open("empty/zero", 0, 10)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThat(list(store.list("empty/", null)))
                .extracting(ObjectInfo::key, ObjectInfo::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("empty/zero", 0L));
    }

    @Test
    void keepsKeysWithSpacesPercentPlusAndUnicode() {
        List<String> keys = List.of(
                "odd/a b.txt",
                "odd/100%.txt",
                "odd/%20literal",
                "odd/a+b.txt",
                "odd/日本語/ファイル.txt",
                "odd/\uD83D\uDE00 smile",
                "odd/q?x=1&y=2",
                "odd/tilde~#hash");
        keys.forEach(k -> putText(k, "content of " + k));

        assertListed(
                keys(store.list("odd/", null)),
                keys.stream().sorted(KeyOrder.COMPARATOR).toList());
        for (String key : keys) {
            assertThat(readText(key)).as(key).isEqualTo("content of " + key);
            assertThat(store.stat(key)).as(key).isPresent();
        }
    }

    @Test
    void readsRanges() throws IOException {
        byte[] data = SeededInputStream.bytes(7, 1000);
        store.put("range/obj", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT);

        assertThat(readRange("range/obj", 0, 10)).isEqualTo(slice(data, 0, 10));
        assertThat(readRange("range/obj", 500, 100)).isEqualTo(slice(data, 500, 100));
        assertThat(readRange("range/obj", 990, 100)).isEqualTo(slice(data, 990, 10));
        assertThat(readRange("range/obj", 0, 1000)).isEqualTo(data);
        assertThat(readRange("range/obj", 1000, 10)).isEmpty();
        assertThat(readRange("range/obj", 5000, 10)).isEmpty();
    }

    @Test
    void roundTripsALargeObject() {
        long size = largeObjectSize();
        long seed = 42;
        String expected = SeededInputStream.sha256(seed, size);

        ObjectInfo written = store.put("large/blob", new SeededInputStream(seed, size), size, PutOptions.DEFAULT);

        assertThat(written.size()).isEqualTo(size);
        assertThat(store.stat("large/blob")).get().extracting(ObjectInfo::size).isEqualTo(size);
        assertThat(SeededInputStream.sha256Of(store.open("large/blob"))).isEqualTo(expected);
    }

    @Test
    void overwriteReplacesContent() {
        putText("over/x", "first version");
        putText("over/x", "second");

        assertThat(readText("over/x")).isEqualTo("second");
        assertThat(list(store.list("over/", null)))
                .singleElement()
                .extracting(ObjectInfo::size)
                .isEqualTo(6L);
    }

    @Test
    void deleteSaysWhetherAnObjectWasThere() {
        putText("del/x", "x");

        assertThat(store.delete("del/x")).isTrue();
        assertThat(store.delete("del/x")).isFalse();
        assertThat(store.delete("del/never")).isFalse();
        assertThat(store.stat("del/x")).isEmpty();
        assertThat(keys(store.list("del/", null))).isEmpty();
    }

    @Test
    void statOfMissingKeyIsEmpty() {
        assertThat(store.stat("missing/key")).isEmpty();
    }

    @Test
    void openOfMissingKeyThrowsObjectNotFound() {
        assertThatThrownBy(() -> store.open("missing/key").close())
                .isInstanceOf(ObjectNotFoundException.class)
                .satisfies(e -> assertThat(((StorageException) e).key()).isEqualTo("missing/key"));
        assertThatThrownBy(() -> store.open("missing/key", 0, 10).close()).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void shortStreamFailsWithIntegrityErrorAndWritesNothing() {
        byte[] tenBytes = "0123456789".getBytes(UTF_8);

        assertThatThrownBy(() -> store.put("short/new", new ByteArrayInputStream(tenBytes), 100, PutOptions.DEFAULT))
                .isInstanceOf(IntegrityException.class)
                .satisfies(e -> assertThat(((StorageException) e).key()).isEqualTo("short/new"));
        assertThat(store.stat("short/new")).isEmpty();
        assertThat(keys(store.list("short/", null))).isEmpty();

        putText("short/old", "the old content");
        assertThatThrownBy(() -> store.put("short/old", new ByteArrayInputStream(tenBytes), 100, PutOptions.DEFAULT))
                .isInstanceOf(IntegrityException.class);
        assertThat(readText("short/old")).isEqualTo("the old content");
    }

    @Test
    void putReadsExactlyLengthBytes() {
        byte[] twenty = "01234567890123456789".getBytes(UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(twenty);

        ObjectInfo written = store.put("exact/x", in, 10, PutOptions.DEFAULT);

        assertThat(written.key()).isEqualTo("exact/x");
        assertThat(written.size()).isEqualTo(10);
        assertThat(readText("exact/x")).isEqualTo("0123456789");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * Asserts a listing holds {@code expected} (given in code point order) in the order the store declares
     * ({@link Features#listingOrder()}): exactly that order, UTF-16 order, or any order for an unordered store.
     */
    protected void assertListed(List<String> listed, List<String> expected) {
        ListingOrder order = store.features().listingOrder();
        if (order == ListingOrder.UNORDERED) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
        } else {
            assertThat(listed)
                    .containsExactlyElementsOf(
                            expected.stream().sorted(order.comparator()).toList());
        }
    }

    /**
     * The keys listed under {@code prefix} after {@code startAfter}; an unordered store ignores {@code startAfter} (see
     * {@link Backend#list}), so the caller's filter (code point order) is applied to its listing here.
     */
    protected List<String> listAfter(String prefix, String startAfter) {
        List<String> listed = keys(store.list(prefix, startAfter));
        if (store.features().listingOrder() != ListingOrder.UNORDERED) {
            return listed;
        }
        return listed.stream().filter(k -> KeyOrder.compare(k, startAfter) > 0).toList();
    }

    /** Writes {@code text} as UTF-8 under {@code key}. */
    protected ObjectInfo putText(String key, String text) {
        byte[] bytes = text.getBytes(UTF_8);
        return store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    /** The whole object as UTF-8 text. */
    protected String readText(String key) {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of a listing, consuming and closing it. */
    protected static List<String> keys(Stream<ObjectInfo> listing) {
        return list(listing).stream().map(ObjectInfo::key).toList();
    }

    /** A listing as a list, consuming and closing it. */
    protected static List<ObjectInfo> list(Stream<ObjectInfo> listing) {
        try (listing) {
            return listing.toList();
        }
    }

    private List<String> select(String prefix, String startAfter) {
        List<String> selected = keys(Listings.select(store, KeyPrefix.of(prefix), startAfter));
        if (startAfter == null || store.features().listingOrder() != ListingOrder.UNORDERED) {
            return selected;
        }
        return selected.stream()
                .filter(k -> KeyOrder.compare(k, startAfter) > 0)
                .toList();
    }

    private byte[] readRange(String key, long offset, long length) throws IOException {
        try (InputStream in = store.open(key, offset, length)) {
            return in.readAllBytes();
        }
    }

    private static byte[] slice(byte[] data, int offset, int length) {
        return java.util.Arrays.copyOfRange(data, offset, offset + length);
    }

    private void putAllInParallel(List<String> keys) throws Exception {
        Semaphore inFlight = new Semaphore(16);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (String key : keys) {
                inFlight.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        putText(key, key);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }
}
