package com.atlan.storage.limit;

import com.atlan.storage.filter.SizeSuffix;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bandwidth limit in bytes per second, constant or by timetable as rclone's {@code --bwlimit} takes it:
 *
 * <ul>
 *   <li>{@code 10M}: 10 MiB/s all the time ({@link SizeSuffix} units; a bare number is bytes per second);
 *       {@code off}: no limit.
 *   <li>{@code "08:00,512k 19:00,10M 23:00,off"}: from each time of day on, the rate given, until the next entry
 *       (the last entry of a day carries over past midnight).
 *   <li>{@code "Mon-08:00,512k Sat-00:00,off"}: entries for days of the week ({@code Mon}..{@code Sun}), each in
 *       force until the next one in the week.
 * </ul>
 *
 * Times are in the machine's time zone. Immutable.
 */
public final class BandwidthSchedule {

    /** No limit. */
    public static final BandwidthSchedule OFF = new BandwidthSchedule("off", List.of());

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private record Entry(DayOfWeek day, LocalTime time, double bytesPerSecond) {}

    private final String text;
    private final List<Entry> entries;

    private BandwidthSchedule(String text, List<Entry> entries) {
        this.text = text;
        this.entries = entries;
    }

    /** A constant limit of {@code bytesPerSecond}. */
    public static BandwidthSchedule constant(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("a bandwidth limit must be positive, not " + bytesPerSecond);
        }
        return new BandwidthSchedule(
                SizeSuffix.format(bytesPerSecond) + "/s", List.of(new Entry(null, LocalTime.MIDNIGHT, bytesPerSecond)));
    }

    /**
     * Parses a limit or a timetable.
     *
     * @throws IllegalArgumentException naming the entry that is wrong and the accepted forms
     */
    public static BandwidthSchedule parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(
                    "an empty bandwidth limit: write e.g. 10M, off or \"08:00,512k 19:00,off\"");
        }
        if (!t.contains(",")) {
            return t.equalsIgnoreCase("off") ? OFF : constant(SizeSuffix.parse(t));
        }
        List<Entry> entries = new ArrayList<>();
        for (String part : WHITESPACE.splitAsStream(t).toList()) {
            entries.add(entry(part, t));
        }
        boolean days = entries.getFirst().day() != null;
        if (entries.stream().anyMatch(e -> (e.day() != null) != days)) {
            throw new IllegalArgumentException("bandwidth timetable '" + t + "' mixes entries with and without a day;"
                    + " give a day to every entry (Mon-08:00,1M) or to none (08:00,1M)");
        }
        entries.sort(Comparator.comparingInt(
                        (Entry e) -> e.day() == null ? 0 : e.day().getValue())
                .thenComparing(Entry::time));
        return new BandwidthSchedule(t, List.copyOf(entries));
    }

    private static Entry entry(String part, String whole) {
        int comma = part.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("bandwidth timetable entry '" + part + "' of '" + whole
                    + "' needs the form HH:MM,RATE or Day-HH:MM,RATE (e.g. 08:00,512k or Mon-08:00,off)");
        }
        String when = part.substring(0, comma);
        String rate = part.substring(comma + 1);
        DayOfWeek day = null;
        int dash = when.indexOf('-');
        if (dash >= 0) {
            day = day(when.substring(0, dash), part);
            when = when.substring(dash + 1);
        }
        LocalTime time;
        try {
            time = LocalTime.parse(when.length() == 4 ? "0" + when : when);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "bandwidth timetable entry '" + part + "': '" + when + "' is not a time of day HH:MM", e);
        }
        double bytes = rate.equalsIgnoreCase("off") ? Double.POSITIVE_INFINITY : SizeSuffix.parse(rate);
        if (bytes <= 0) {
            throw new IllegalArgumentException("bandwidth timetable entry '" + part + "': the rate must be positive");
        }
        return new Entry(day, time, bytes);
    }

    private static DayOfWeek day(String name, String part) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "bandwidth timetable entry '" + part + "': '" + name + "' is not a day (Mon, Tue ... Sun)");
    }

    /** Whether this never limits. */
    public boolean isOff() {
        return entries.isEmpty() || entries.stream().allMatch(e -> Double.isInfinite(e.bytesPerSecond()));
    }

    /** The limit in force at {@code time}, in bytes per second; infinite when there is none. */
    public double bytesPerSecondAt(ZonedDateTime time) {
        if (entries.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        long now = minuteOfCycle(time.getDayOfWeek(), time.toLocalTime());
        Entry current = entries.getLast(); // before the first entry, the last one carries over the cycle's wrap
        for (Entry e : entries) {
            if (minuteOfCycle(e.day(), e.time()) <= now) {
                current = e;
            }
        }
        return current.bytesPerSecond();
    }

    private long minuteOfCycle(DayOfWeek day, LocalTime time) {
        boolean weekly = entries.getFirst().day() != null;
        long minute = time.truncatedTo(ChronoUnit.MINUTES).toSecondOfDay() / 60;
        return weekly && day != null ? (day.getValue() - 1) * 1440L + minute : minute;
    }

    /** The schedule as given, e.g. {@code 10.0 MiB/s} or {@code 08:00,512k 19:00,off}. */
    @Override
    public String toString() {
        return text.toLowerCase(Locale.ROOT).equals("off") ? "off" : text;
    }
}
