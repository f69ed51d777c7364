package com.atlan.storage.migrate;

import com.atlan.storage.retry.Retrier;
import com.atlan.storage.store.Backend;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of a whole-prefix run: removes what earlier runs' unfinished writes left in the destination under
 * the prefix (multipart uploads of a killed run, partial files of a dead process), so a job's own clean-up happens on
 * its next run or resume. Best effort: a store that cannot do it, or fails, gets a log line and the run goes on. A
 * sharded run (Temporal) sweeps once, before its first shard starts, since its shards share the prefix.
 */
public final class IncompleteWritesSweep {

    private static final Logger LOG = LoggerFactory.getLogger(IncompleteWritesSweep.class);

    private IncompleteWritesSweep() {}

    /**
     * Removes the unfinished writes under {@code prefix} (spelt {@code rawPrefix} in log lines) begun before now.
     *
     * @return how many were removed
     */
    public static int run(Backend destination, String prefix, String rawPrefix, Retrier retrier) {
        Instant started = Instant.now();
        try {
            int removed = retrier.call(
                    "removing unfinished writes in " + destination.name(),
                    () -> destination.abortIncompleteWrites(prefix, started));
            if (removed > 0) {
                LOG.info(
                        "removed {} unfinished writes (multipart uploads, partial files) that earlier runs left in {}"
                                + " under prefix '{}'",
                        removed,
                        destination.name(),
                        rawPrefix);
            }
            return removed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException e) {
            LOG.info(
                    "could not look for unfinished writes that earlier runs left in {} (they may stay until the store's"
                            + " lifecycle rules remove them): {}",
                    destination.name(),
                    e.getMessage());
            return 0;
        }
    }
}
