package com.atlan.storage.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureBudgetTest {

    private static Progress done(long migrated, long skipped, long failed) {
        return new Progress(0, 0, false, migrated, skipped, failed, 0, Duration.ofSeconds(2));
    }

    @Test
    void stopsOnlyPastTheRateAndOnlyOnceEnoughObjectsFinished() {
        FailureBudget budget = new FailureBudget(0.25, 20);
        assertThat(budget.exceededBy(done(0, 0, 19)))
                .as("19 finished: too few to judge")
                .isEmpty();
        assertThat(budget.exceededBy(done(10, 5, 5))).as("exactly 25%").isEmpty();
        assertThat(budget.exceededBy(done(10, 4, 6)))
                .hasValue("failure rate 30.0% (6 of 20) exceeds the limit of 25.0%");
        assertThat(new FailureBudget(1.0, 0).exceededBy(done(0, 0, 100)))
                .as("1.0 never stops")
                .isEmpty();
        assertThat(new FailureBudget(0.0, 1).exceededBy(done(1, 0, 0))).isEmpty();
        assertThat(new FailureBudget(0.0, 1).exceededBy(done(0, 0, 1))).isPresent();
    }

    @Test
    void refusesARateOutsideZeroToOne() {
        assertThatThrownBy(() -> new FailureBudget(1.01, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureBudget(-0.01, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FailureBudget(0, 1).maxRate()).isZero();
    }

    @Test
    void progressRatesAreOverTheElapsedTime() {
        Progress p = new Progress(10, 100, true, 3, 2, 1, 4000, Duration.ofSeconds(2));
        assertThat(p.doneFiles()).isEqualTo(6);
        assertThat(p.bytesPerSecond()).isEqualTo(2000.0);
        assertThat(p.filesPerSecond()).isEqualTo(3.0);
        Progress atStart = new Progress(0, 0, false, 0, 0, 0, 10, Duration.ZERO);
        assertThat(atStart.bytesPerSecond()).isZero();
        assertThat(atStart.filesPerSecond()).isZero();
    }
}
