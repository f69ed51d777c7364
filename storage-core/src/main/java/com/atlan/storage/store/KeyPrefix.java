package com.atlan.storage.store;

/**
 * A user's prefix with directory-safe semantics.
 *
 * <ul>
 *   <li>{@code ""} selects every key.</li>
 *   <li>{@code "orders/"} selects keys under {@code orders/}.</li>
 *   <li>{@code "orders"} selects the key {@code orders} itself and keys under {@code orders/}, never a
 *       sibling such as {@code orders_archive/x}.</li>
 * </ul>
 *
 * @param raw           the prefix as the user gave it (echoed in summaries)
 * @param key           the normalised key (see {@link StoreKeys}); {@code ""} selects everything
 * @param directoryOnly whether the raw prefix ended with a separator, so the key itself is not selected
 */
public record KeyPrefix(String raw, String key, boolean directoryOnly) {

    /** Parses a user prefix with the default {@link StoreKeys} rules; {@code null} means everything. */
    public static KeyPrefix of(String raw) {
        return of(raw, StoreKeys.defaults());
    }

    /** Parses a user prefix with the given key rules. */
    public static KeyPrefix of(String raw, StoreKeys keys) {
        String r = raw == null ? "" : raw;
        boolean dir = r.endsWith("/") || r.endsWith("\\");
        return new KeyPrefix(r, keys.toKey(r), dir);
    }

    /** Whether every key is selected. */
    public boolean selectsAll() {
        return key.isEmpty();
    }

    /** The plain string prefix to list under: {@code key + "/"}, or {@code ""} for everything. */
    public String listPrefix() {
        return selectsAll() ? "" : key + "/";
    }

    /** Whether {@code candidate} is selected. */
    public boolean matches(String candidate) {
        if (selectsAll()) return true;
        if (candidate.equals(key)) return !directoryOnly;
        return candidate.startsWith(key) && candidate.length() > key.length() && candidate.charAt(key.length()) == '/';
    }

    /** The part of {@code candidate} below this prefix ({@code candidate} itself when it is the prefix key). */
    public String relativize(String candidate) {
        if (selectsAll()) return candidate;
        if (candidate.equals(key)) return candidate.substring(candidate.lastIndexOf('/') + 1);
        return candidate.substring(key.length() + 1);
    }
}
