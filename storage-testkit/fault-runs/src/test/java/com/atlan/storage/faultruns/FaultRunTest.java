package com.atlan.storage.faultruns;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FaultRun} over 10 seeds: the long run, tagged {@code fault-runs} (opt-in; see docs/testing.md). */
@Tag("fault-runs")
class FaultRunTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void twentyPercentFaultsOnEachSideStillMigrateEveryObjectExactly(long seed) throws Exception {
        FaultRun.migrateAndVerify(dir, seed);
    }
}
