package com.atlan.storage.accounting;

import java.util.Locale;
import java.util.Optional;

/**
 * The share of failed objects a run may reach before it stops: a view of the run's {@link Progress}.
 *
 * @param maxRate   failed / finished objects above which the run stops; 1.0 never stops
 * @param minSample finished objects needed before the rate counts, so one early failure does not stop a run
 */
public record FailureBudget(double maxRate, long minSample) {

    public FailureBudget {
        if (!(maxRate >= 0 && maxRate <= 1)) {
            throw new IllegalArgumentException("maxRate must be between 0 and 1, not " + maxRate);
        }
    }

    /** Why the run must stop, when {@code progress} has spent the budget. */
    public Optional<String> exceededBy(Progress progress) {
        long finished = progress.doneFiles();
        if (maxRate >= 1.0 || finished < minSample) {
            return Optional.empty();
        }
        double rate = (double) progress.failedFiles() / finished;
        if (rate <= maxRate) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "failure rate %.1f%% (%d of %d) exceeds the limit of %.1f%%",
                rate * 100,
                progress.failedFiles(),
                finished,
                maxRate * 100));
    }
}
