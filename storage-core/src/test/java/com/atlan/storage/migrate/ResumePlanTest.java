package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.listing.PlanOrder;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.store.ListingOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResumePlanTest {

    private static final PlanOrder CODE_POINT = PlanOrder.of(ListingOrder.CODE_POINT, ListingOrder.CODE_POINT, true);
    private static final PlanOrder UTF16 = PlanOrder.of(ListingOrder.UTF16, ListingOrder.UTF16, true);

    private static Checkpoint saved(boolean complete, String order) {
        return new Checkpoint(
                "job",
                "s",
                "d",
                "p",
                "k/10",
                List.of("k/12", "k/30", "k/11"),
                Map.of("k/05", "denied"),
                9,
                1,
                90,
                5,
                complete,
                0,
                order,
                0,
                null);
    }

    private static ResumePlan decide(Optional<Checkpoint> saved, boolean resume, PlanOrder order) {
        return ResumePlan.decide(saved, resume, "job", "s", "d", "p", order);
    }

    @Test
    void resumingAnUnfinishedJobContinuesAfterItsWatermarkAndCatchesUpToItsLastKey() {
        ResumePlan plan = decide(Optional.of(saved(false, "CODE_POINT")), true, CODE_POINT);
        assertThat(plan.checkpoint()).isNotNull();
        assertThat(plan.watermark()).isEqualTo("k/10");
        assertThat(plan.catchUpEnd()).isEqualTo("k/30");
        assertThat(plan.needsCatchUp()).isTrue();
        assertThat(plan.covers("k/00", CODE_POINT)).isTrue();
        assertThat(plan.covers("k/10", CODE_POINT)).isTrue();
        assertThat(plan.covers("k/11", CODE_POINT)).isTrue();
        assertThat(plan.covers("k/13", CODE_POINT)).isFalse();
    }

    @Test
    void anOlderCheckpointWithoutAnOrderMeansCodePointOrder() {
        assertThat(decide(Optional.of(saved(false, null)), true, CODE_POINT).checkpoint())
                .isNotNull();
    }

    @Test
    void startsAFreshPassWhenNotResumingOrNothingOrAFinishedOrDifferentlyOrderedJobIsSaved() {
        for (ResumePlan plan : List.of(
                decide(Optional.of(saved(false, "CODE_POINT")), false, CODE_POINT),
                decide(Optional.empty(), true, CODE_POINT),
                decide(Optional.of(saved(true, "CODE_POINT")), true, CODE_POINT),
                decide(Optional.of(saved(false, "CODE_POINT")), true, UTF16))) {
            assertThat(plan.checkpoint()).isNull();
            assertThat(plan.watermark()).isNull();
            assertThat(plan.needsCatchUp()).isFalse();
            assertThat(plan.covers("k/00", CODE_POINT)).isFalse();
        }
    }

    @Test
    void refusesACheckpointOfAnotherMigration() {
        assertThatThrownBy(() -> ResumePlan.decide(
                        Optional.of(saved(false, "CODE_POINT")), true, "job", "s", "d", "other", CODE_POINT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pass another job id");
    }
}
