package com.atlan.storage.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.accounting.Progress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a client shows of a running sharded migration: finished shards' counts plus running shards' heartbeats. */
class RemoteMigrationTest {

    private static MigrationProgress progress(Totals done, long plannedObjects, long plannedBytes, boolean complete) {
        return new MigrationProgress(
                "p/",
                "src",
                "dst",
                done,
                plannedObjects,
                plannedBytes,
                complete,
                2,
                1,
                0,
                List.of("job-shard-2"),
                1,
                1_000,
                10_000);
    }

    @Test
    void runningShardsHeartbeatsAddToTheFinishedShardsCounts() {
        // finished shards: 10 objects, 8 migrated of which 3 already identical, 1 failed, 100 bytes copied
        MigrationProgress p = progress(new Totals(10, 8, 3, 1, 100), 20, 200, true);
        ShardHeartbeat running = new ShardHeartbeat(null, 6, 2, 1, 1, 10);

        Progress snapshot = RemoteMigration.snapshot(p, List.of(running), 15_000);

        assertThat(snapshot.migratedFiles()).as("copied").isEqualTo(5 + 2);
        assertThat(snapshot.skippedFiles()).isEqualTo(3 + 1);
        assertThat(snapshot.failedFiles()).isEqualTo(1 + 1);
        assertThat(snapshot.transferredBytes()).isEqualTo(110);
        assertThat(snapshot.doneFiles()).isEqualTo(13);
        assertThat(snapshot.listedFiles()).isEqualTo(20);
        assertThat(snapshot.listedBytes()).isEqualTo(200);
        assertThat(snapshot.listingComplete()).isTrue();
        assertThat(snapshot.doneBytes()).as("bytes by share of objects done").isEqualTo(130);
        assertThat(snapshot.elapsed()).as("wall clock since the job started").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void objectsDoneBeyondThePlanSoFarNeverShowMoreThanAllDone() {
        // planning still running: the shards have already finished more objects than the planner has counted
        MigrationProgress p = progress(new Totals(30, 30, 0, 0, 300), 25, 250, false);

        Progress snapshot = RemoteMigration.snapshot(p, List.of(), 10_000);

        assertThat(snapshot.listedFiles()).isEqualTo(30);
        assertThat(snapshot.doneBytes()).isEqualTo(250);
        assertThat(snapshot.eta()).as("no ETA while planning").isNull();
    }
}
