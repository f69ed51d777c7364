package com.atlan.storage.store;

import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Listing helpers shared by the engine and the facades. */
public final class Listings {

    private Listings() {}

    /**
     * Streams the objects {@code prefix} selects, in {@link KeyOrder}, after {@code startAfter}.
     * A prefix naming a key also yields that key first (it sorts before every key under {@code key/}).
     */
    public static Stream<ObjectInfo> select(Backend store, KeyPrefix prefix, String startAfter) {
        return select(store, prefix, startAfter, store::list);
    }

    /** {@link #select} over {@link Backend#listFlat}, for checks that must not share the code path they check. */
    public static Stream<ObjectInfo> selectFlat(Backend store, KeyPrefix prefix, String startAfter) {
        return select(store, prefix, startAfter, store::listFlat);
    }

    private static Stream<ObjectInfo> select(
            Backend store, KeyPrefix prefix, String startAfter, BiFunction<String, String, Stream<ObjectInfo>> list) {
        if (prefix.selectsAll()) {
            return list.apply("", startAfter);
        }
        Stream<ObjectInfo> under = list.apply(prefix.listPrefix(), startAfter);
        boolean exactKeyPending =
                startAfter == null || startAfter.isEmpty() || KeyOrder.compare(prefix.key(), startAfter) > 0;
        if (prefix.directoryOnly() || !exactKeyPending) {
            return under;
        }
        Stream<ObjectInfo> exact = Stream.of(prefix.key()).flatMap(k -> store.stat(k).stream());
        return Stream.concat(exact, under);
    }
}
