package com.atlan.storage.filter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points in time written as rclone's {@code --max-age} and {@code --min-age} take them: an age before now, a number
 * with a unit ({@code ms}, {@code s}, {@code m}, {@code h}, {@code d}, {@code w}, {@code M} for 30 days, {@code y}
 * for 365 days; several may follow each other, {@code 1h30m}; a bare number is seconds), or a date or time
 * ({@code 2024-05-01}, {@code 2024-05-01 12:00:00}, {@code 2024-05-01T12:00:00Z}; without a zone in the machine's
 * time zone).
 */
public final class AgeSpec {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w|M|y)?");

    private AgeSpec() {}

    /**
     * The instant {@code text} names, ages counted back from {@code now}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Instant parse(String text, Instant now, ZoneId zone) {
        String t = text == null ? "" : text.trim();
        if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && t.length() >= 10 && t.charAt(4) == '-') {
            return date(t, zone);
        }
        return now.minus(duration(t));
    }

    /** The age {@code text} names. */
    public static Duration duration(String text) {
        Matcher m = PART.matcher(text);
        double seconds = 0;
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            double value = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            seconds += value
                    * switch (unit) {
                        case "ms" -> 0.001;
                        case "m" -> 60;
                        case "h" -> 3600;
                        case "d" -> 86_400;
                        case "w" -> 7 * 86_400;
                        case "M" -> 30 * 86_400;
                        case "y" -> 365 * 86_400;
                        default -> 1;
                    };
            at = m.end();
        }
        if (text.isEmpty() || at != text.length()) {
            throw new IllegalArgumentException("'" + text + "' is not an age or a date: write a number with a unit"
                    + " ms, s, m, h, d, w, M or y (e.g. 36h, 2d, 1h30m) or a date such as 2024-05-01 or"
                    + " 2024-05-01T12:00:00Z");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Instant date(String t, ZoneId zone) {
        try {
            return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException ignored) {
            // no zone given: try the local forms
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // a date alone
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + t + "' is not a date: write 2024-05-01, 2024-05-01 12:00:00 or 2024-05-01T12:00:00Z", e);
        }
    }
}
