package com.atlan.storage.filter;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts written as people write them: a number with an optional binary suffix, {@code B}, {@code K}, {@code
 * M}, {@code G}, {@code T} or {@code P} (powers of 1024, any case, an {@code i} or {@code B} after it allowed:
 * {@code 10M}, {@code 10MiB}, {@code 1.5g}, {@code 512k}). A bare number is bytes (rclone reads a bare number as
 * KiB; here it is what it says).
 */
public final class SizeSuffix {

    private static final Pattern SIZE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([bkmgtp])?(?:i?b)?", Pattern.CASE_INSENSITIVE);

    private SizeSuffix() {}

    /**
     * Parses {@code text} to bytes.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write a number of bytes with an optional"
                    + " suffix B, K, M, G, T or P (powers of 1024), e.g. 512k or 10M");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int power = "bkmgtp".indexOf(unit);
        double bytes = value * Math.pow(1024, power);
        if (bytes >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return Math.round(bytes);
    }

    /** {@code bytes} in the largest unit that keeps it readable, e.g. {@code 1.5 MiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
