package com.atlan.storage.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void aDelayProfileAddsLatencyAndNoFaults() {
        FaultPlan plan = FaultPlan.parse("delay=40ms", 0);

        assertThat(plan.delay()).isEqualTo(Duration.ofMillis(40));
        assertThat(plan.injectsFaults()).isFalse();
        assertThat(plan.throttle()).isNull();
    }

    @Test
    void aThrottleProfileSetsRateAndBurst() {
        FaultPlan plan = FaultPlan.parse("throttle=500/s, burst=50, retry-after=2s", 0);

        assertThat(plan.throttle()).isEqualTo(new FaultPlan.Throttle(500, 50));
        assertThat(plan.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(plan.injectsFaults()).isFalse();
    }

    @Test
    void aFaultRateAppliesToEveryKindWithTheTransportFaults() {
        FaultPlan plan = FaultPlan.parse("faults=0.2,stall=500ms", 9);

        assertThat(plan.seed()).isEqualTo(9);
        for (RequestKind kind : RequestKind.values()) {
            assertThat(plan.probability(kind)).isEqualTo(0.2);
        }
        assertThat(plan.weights().keySet()).containsExactlyInAnyOrderElementsOf(FaultPlan.TRANSPORT_FAULTS);
        assertThat(plan.weight(Fault.FLIP_RESPONSE_BYTE)).isZero();
        assertThat(plan.stall()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void typesAndPerKindRatesNarrowThePlan() {
        FaultPlan plan = FaultPlan.parse("faults.GET=0.6,types=flip+truncate", 1);

        assertThat(plan.probability(RequestKind.GET)).isEqualTo(0.6);
        assertThat(plan.probability(RequestKind.PUT)).isZero();
        assertThat(plan.weights()).containsOnlyKeys(Fault.FLIP_RESPONSE_BYTE, Fault.TRUNCATE_RESPONSE);
    }

    @Test
    void anUnknownSettingOrFaultIsNamedInTheError() {
        assertThatThrownBy(() -> FaultPlan.parse("latency=40ms", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency");
        assertThatThrownBy(() -> FaultPlan.parse("faults=0.1,types=503+explode", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("explode");
        assertThatThrownBy(() -> FaultPlan.parse("faults=1.5", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
    }
}
