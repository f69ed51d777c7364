package com.atlan.storage.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.local.LocalBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardPlannerTest {

    @TempDir
    Path dir;

    private LocalStores stores;
    private Backend source;
    private Backend destination;

    @BeforeEach
    void setUp() {
        stores = new LocalStores(dir);
        source = new LocalBackend("objectstore", dir.resolve("source"));
        destination = new LocalBackend("upstream-objectstore", dir.resolve("upstream"));
    }

    private List<ShardPlan.PlannedRange> planAll(String prefix, long objectsPerShard, int pageSize) {
        List<ShardPlan.PlannedRange> ranges = new ArrayList<>();
        String after = null;
        while (true) {
            ShardPlan page = new ShardPlanner()
                    .plan(
                            source,
                            destination,
                            new PlanRequest(
                                    prefix, null, null, true, after, objectsPerShard, Long.MAX_VALUE, pageSize, false),
                            n -> {});
            ranges.addAll(page.ranges());
            if (page.complete()) {
                return ranges;
            }
            after = page.next();
        }
    }

    @Test
    void rangesMeetExactlyAcrossPagesAndTheLastIsOpenEnded() {
        stores.writeObjects("data/", 5, 30);

        List<ShardPlan.PlannedRange> ranges = planAll("data/", 20, 2);

        assertThat(ranges.getFirst().startAfter()).isNull();
        assertThat(ranges.getLast().endAt()).isNull();
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).startAfter()).isEqualTo(ranges.get(i - 1).endAt());
        }
        assertThat(ranges.stream().mapToLong(ShardPlan.PlannedRange::objects).sum())
                .isEqualTo(150);
    }

    @Test
    void cutsAtFolderBoundariesOnceHalfFullAndSplitsAFolderTooLargeForOneShard() {
        stores.writeObjects("data/", 3, 12);
        stores.writeObjects("big/", 1, 50);

        List<ShardPlan.PlannedRange> folders = planAll("data/", 20, 100);
        List<ShardPlan.PlannedRange> big = planAll("big/", 20, 100);

        assertThat(folders).extracting(ShardPlan.PlannedRange::objects).containsExactly(12L, 12L, 12L);
        assertThat(folders.get(0).endAt()).isEqualTo("data/part-0/obj-0011.json");
        assertThat(big).extracting(ShardPlan.PlannedRange::objects).containsExactly(20L, 20L, 10L);
    }

    @Test
    void anEmptyPrefixIsOneEmptyOpenRange() {
        AtomicLong listed = new AtomicLong(-1);

        ShardPlan plan = new ShardPlanner()
                .plan(
                        source,
                        destination,
                        new PlanRequest("none/", null, null, true, null, 10, 10, 10, false),
                        listed::set);

        assertThat(plan.complete()).isTrue();
        assertThat(plan.ranges()).containsExactly(new ShardPlan.PlannedRange(null, null, 0, 0));
        assertThat(listed.get()).isZero();
    }
}
