package com.atlan.storage.store;

import java.util.Comparator;

/**
 * The order object stores list keys in: by Unicode code point, which equals the byte order of the
 * UTF-8 encoding that S3, Azure and GCS sort by. {@link String#compareTo} differs from it for
 * characters above U+FFFF, so every listing and every merge of listings uses this comparator.
 */
public final class KeyOrder {

    /** Compares keys by code point (UTF-8 byte order). */
    public static final Comparator<String> COMPARATOR = KeyOrder::compare;

    private KeyOrder() {}

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
