package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The launcher's class-sharing training run must keep working as the commands change. */
class CdsTrainingTest {

    @Test
    void everyTrainingStepExitsAsExpected() {
        assertThatCode(() -> CdsTraining.main(new String[0])).doesNotThrowAnyException();
    }

    @Test
    void aStepThatExitsOtherwiseFailsTheTraining() {
        // a misspelt subcommand is a usage error, not the success the step expects
        assertThatThrownBy(() -> CdsTraining.expect(AtlanStorageCli.OK, "migrat", "--no-progress"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited 2, expected 0");
    }
}
