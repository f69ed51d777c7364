package com.atlan.storage.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    /** A clock that only moves when the bucket makes its taker wait. */
    private final AtomicLong clock = new AtomicLong();

    private TokenBucket bucket(double rate) {
        return new TokenBucket(() -> rate, clock::get, clock::addAndGet);
    }

    @Test
    void takersAreHeldToTheRateWithAtMostOneBurstAhead() throws InterruptedException {
        TokenBucket bucket = bucket(1000);
        for (int i = 0; i < 500; i++) {
            bucket.acquire(10); // 5,000 units at 1,000/s
        }
        double seconds = clock.get() / 1e9;
        assertThat(seconds).as("5,000 units less the 100-unit burst at 1,000/s").isBetween(4.9, 4.91);
    }

    @Test
    void aTakerLargerThanTheBurstWaitsItOffInsteadOfBeingRefused() throws InterruptedException {
        TokenBucket bucket = bucket(100);
        bucket.acquire(1000);
        assertThat(clock.get() / 1e9).isBetween(9.89, 9.91);
    }

    @Test
    void refundsReturnUnusedUnits() {
        TokenBucket bucket = bucket(100);
        assertThat(bucket.reserve(10)).isZero();
        bucket.refund(10);
        assertThat(bucket.reserve(10)).isZero();
        assertThat(bucket.reserve(1)).as("the burst of 10 is used up").isPositive();
    }

    @Test
    void aTimetableSwitchesRatesByTimeOfDayAndDay() {
        BandwidthSchedule daily = BandwidthSchedule.parse("08:00,512k 19:00,10M 23:00,off");
        ZonedDateTime day = ZonedDateTime.of(LocalDateTime.parse("2024-05-06T00:00"), ZoneOffset.UTC);
        assertThat(daily.bytesPerSecondAt(day.withHour(7)))
                .as("carried over midnight")
                .isInfinite();
        assertThat(daily.bytesPerSecondAt(day.withHour(9))).isEqualTo(512 * 1024);
        assertThat(daily.bytesPerSecondAt(day.withHour(20))).isEqualTo(10 * 1024 * 1024);
        BandwidthSchedule weekly = BandwidthSchedule.parse("Mon-08:00,1M Sat-00:00,off");
        ZonedDateTime monday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        assertThat(weekly.bytesPerSecondAt(monday.withHour(9))).isEqualTo(1024 * 1024);
        assertThat(weekly.bytesPerSecondAt(monday.withHour(7))).isInfinite();
        assertThat(weekly.bytesPerSecondAt(monday.plusDays(3))).isEqualTo(1024 * 1024);
        assertThat(BandwidthSchedule.parse("10M").bytesPerSecondAt(day)).isEqualTo(10 * 1024 * 1024);
        assertThat(BandwidthSchedule.parse("off").isOff()).isTrue();
    }

    @Test
    void aBadTimetableNamesTheEntry() {
        assertThatThrownBy(() -> BandwidthSchedule.parse("08:00,1M 25:00,off")).hasMessageContaining("'25:00,off'");
        assertThatThrownBy(() -> BandwidthSchedule.parse("Mon-08:00,1M 09:00,off"))
                .hasMessageContaining("mixes entries");
        assertThatThrownBy(() -> BandwidthSchedule.parse("Xyz-08:00,1M")).hasMessageContaining("'Xyz' is not a day");
    }
}
