package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class VerifyCommandTest extends LocalStoresTestBase {

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void matchingSidesExitZero() throws IOException {
        write(source, "p/a", "1");
        write(source, "p/b/c", "2");
        assertThat(run("migrate", "--components", components.toString(), "--no-progress")
                        .exitCode())
                .isZero();

        CliRun result = run("verify", "--components", components.toString(), "--prefix", "p");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Identical: 2 objects").contains("matching:  2");
        assertThat(run("verify", "--components", components.toString(), "--download")
                        .exitCode())
                .isZero();
    }

    @Test
    void missingExtraAndDifferingExitOneWithJson() throws IOException {
        write(source, "p/missing", "1");
        write(destination, "p/extra", "2");
        write(source, "p/differs", "abc");
        write(destination, "p/differs", "abcd");

        CliRun result = run("verify", "--components", components.toString(), "--json");
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("total").asLong()).isEqualTo(2);
        assertThat(json.get("missing_keys").get(0).asText()).isEqualTo("p/missing");
        assertThat(json.get("extra_keys").get(0).asText()).isEqualTo("p/extra");
        assertThat(json.get("differing_keys").get(0).asText()).isEqualTo("p/differs");

        CliRun text = run("verify", "--components", components.toString());
        assertThat(text.out()).contains("Different:").contains("missing:").contains("p/missing");
    }

    @Test
    void errorsExitTwo() {
        CliRun result = run("verify", "--components", components.toString(), "--destination", "nope");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope");
    }
}
