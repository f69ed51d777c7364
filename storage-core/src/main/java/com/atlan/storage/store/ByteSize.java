package com.atlan.storage.store;

import java.util.Locale;

/** Parses sizes such as {@code 8MiB}, {@code 256MB}, {@code 1GiB} or {@code 1048576} (binary units either way). */
final class ByteSize {

    private ByteSize() {}

    /** The number of bytes {@code value} names; {@code setting} and {@code store} name it in errors. */
    static long parse(String store, String setting, String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] suffix : new String[][] {
            {"KIB", "10"},
            {"MIB", "20"},
            {"GIB", "30"},
            {"KB", "10"},
            {"MB", "20"},
            {"GB", "30"},
            {"K", "10"},
            {"M", "20"},
            {"G", "30"},
            {"B", "0"}
        }) {
            if (v.endsWith(suffix[0])) {
                unit = 1L << Integer.parseInt(suffix[1]);
                v = v.substring(0, v.length() - suffix[0].length());
                break;
            }
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw new NumberFormatException();
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw StorageConfigException.invalidSetting(
                    store, setting, "must be a size such as 8MiB or 1048576, not '" + value + "'");
        }
    }
}
