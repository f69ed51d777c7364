package com.atlan.storage.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeaterTest {

    @Test
    void beatsEveryThirdOfTheHeartbeatTimeoutAsTheSdksAutoHeartbeaterDoes() {
        assertThat(Heartbeater.interval(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(20));
        assertThat(Heartbeater.interval(Duration.ofSeconds(6))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void beatsEveryTenSecondsWithoutATimeoutSoCancellationStillArrives() {
        assertThat(Heartbeater.interval(null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Heartbeater.interval(Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
    }
}
