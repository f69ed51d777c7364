package com.atlan.storage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A small run of the scale benchmark so its entry point cannot rot; no timing is asserted. */
class ScaleBenchmarkTest {

    @Test
    void migratesEverySyntheticObjectAndReportsHeap() throws Exception {
        JsonNode result = new ObjectMapper().readTree(ScaleBenchmark.run(20_000, 16, 64));
        assertThat(result.get("total_files").asLong()).isEqualTo(20_000);
        assertThat(result.get("migrated_files").asLong()).isEqualTo(20_000);
        assertThat(result.get("bytes_migrated").asLong()).isEqualTo(20_000L * 64);
        assertThat(result.get("failed_migrations").asLong()).isZero();
        assertThat(result.get("heap_peak_bytes").asLong()).isPositive();
    }

    @Test
    void dryRunsAnIncrementalReRunFindingTheOneChangedObject() throws Exception {
        JsonNode result = new ObjectMapper().readTree(ScaleBenchmark.dryRunIncremental(20_000, 64));
        assertThat(result.get("total_files").asLong()).isEqualTo(20_000);
        assertThat(result.get("migrated_files").asLong())
                .as("already identical")
                .isEqualTo(19_999);
        assertThat(result.get("bytes_migrated").asLong()).isZero();
    }
}
