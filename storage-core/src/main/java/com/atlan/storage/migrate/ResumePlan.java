package com.atlan.storage.migrate;

import com.atlan.storage.listing.PlanOrder;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.store.ListingOrder;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run starts: from nothing, or from a checkpoint of an unfinished job when resuming.
 *
 * <p>A resumed run lists on after the checkpoint's watermark (by start-after when the source lists in the plan's
 * order, else by relisting and skipping what the checkpoint covers), passes over the keys it finished above the
 * watermark, and at the end makes one skip-unchanged catch-up pass over every key the checkpoint covered: that
 * retries its failures and copies objects added or changed there since, so a completed resume means every source
 * object is at the destination.
 *
 * @param checkpoint the checkpoint continued, or {@code null} for a fresh start
 * @param watermark  every key at or before it (in the plan's order) was finished; {@code null} for none
 * @param doneAbove  keys finished above the watermark
 * @param catchUpEnd the greatest key the checkpoint covers, where the catch-up pass ends; {@code null}: no pass
 */
record ResumePlan(Checkpoint checkpoint, String watermark, Set<String> doneAbove, String catchUpEnd) {

    private static final Logger LOG = LoggerFactory.getLogger(ResumePlan.class);

    ResumePlan {
        doneAbove = Set.copyOf(doneAbove);
    }

    /** A run from the beginning. */
    static ResumePlan fresh() {
        return new ResumePlan(null, null, Set.of(), null);
    }

    /** Whether a catch-up pass over the checkpoint's keys follows the main pass. */
    boolean needsCatchUp() {
        return catchUpEnd != null;
    }

    /** Whether the checkpoint covered {@code key}, so the catch-up pass (and not the main pass) handles it. */
    boolean covers(String key, PlanOrder order) {
        return order.atOrBefore(key, watermark) || doneAbove.contains(key);
    }

    /**
     * The plan for job {@code jobId} given its last checkpoint {@code saved}.
     *
     * @throws IllegalArgumentException when resuming a checkpoint of another source, destination or prefix
     */
    static ResumePlan decide(
            Optional<Checkpoint> saved,
            boolean resume,
            String jobId,
            String source,
            String destination,
            String prefix,
            PlanOrder order) {
        if (!resume) {
            saved.filter(c -> !c.complete())
                    .ifPresent(c -> LOG.warn(
                            "job {} has an unfinished checkpoint ({} objects done); starting over."
                                    + " Resume it instead with --resume",
                            jobId,
                            c.totalFiles()));
            return fresh();
        }
        if (saved.isEmpty()) {
            LOG.info("no checkpoint for job {}; starting from the beginning", jobId);
            return fresh();
        }
        Checkpoint c = saved.get();
        if (!c.source().equals(source)
                || !c.destination().equals(destination)
                || !c.prefix().equals(prefix)) {
            throw new IllegalArgumentException("job " + jobId + " migrated prefix '" + c.prefix() + "' from "
                    + c.source() + " to " + c.destination() + ", not prefix '" + prefix + "' from " + source + " to "
                    + destination + "; pass another job id");
        }
        if (c.complete()) {
            LOG.info("job {} completed earlier; starting a new pass over it", jobId);
            return fresh();
        }
        String savedOrder = c.order() == null ? ListingOrder.CODE_POINT.name() : c.order();
        if (!savedOrder.equals(order.order().name())) {
            LOG.warn(
                    "job {} was checkpointed in {} order but now plans in {} order; starting a new pass"
                            + " (objects already identical are skipped)",
                    jobId,
                    savedOrder,
                    order.order());
            return fresh();
        }
        if (c.failuresSpilled() > 0) {
            LOG.info(
                    "{} failures of job {} past the first {} are retried as the catch-up pass meets them",
                    c.failuresSpilled(),
                    jobId,
                    c.failures().size());
        }
        String end = c.watermark();
        for (String key : c.doneAboveWatermark()) {
            if (end == null || order.comparator().compare(key, end) > 0) {
                end = key;
            }
        }
        LOG.info(
                "resuming job {} after '{}': {} objects done, {} failed to retry",
                jobId,
                c.watermark(),
                c.totalFiles(),
                c.failedFiles());
        return new ResumePlan(c, c.watermark(), new HashSet<>(c.doneAboveWatermark()), end);
    }
}
