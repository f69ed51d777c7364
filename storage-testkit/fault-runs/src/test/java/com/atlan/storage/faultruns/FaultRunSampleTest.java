package com.atlan.storage.faultruns;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FaultRun} over two of {@link FaultRunTest}'s seeds, in every build: a fault that breaks a migration shows up
 * in CI, not only when someone runs the long runs.
 */
class FaultRunSampleTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void twentyPercentFaultsOnEachSideStillMigrateEveryObjectExactly(long seed) throws Exception {
        FaultRun.migrateAndVerify(dir, seed);
    }
}
