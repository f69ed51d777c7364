package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The launcher's class-sharing training run must keep working as the commands change. */
class CdsTrainingTest {

    @Test
    void runsWithoutThrowing() {
        assertThatCode(() -> CdsTraining.main(new String[0])).doesNotThrowAnyException();
    }
}
