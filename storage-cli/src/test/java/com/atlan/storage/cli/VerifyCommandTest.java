package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;
    Path components;
    Path source;
    Path destination;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void components() throws IOException {
        components = Files.createDirectories(dir.resolve("components"));
        source = dir.resolve("deployment");
        destination = dir.resolve("upstream");
        for (String[] c : new String[][] {{"objectstore", source.toString()}, {"upstream-objectstore", destination.toString()}}) {
            Files.writeString(components.resolve(c[0] + ".yaml"), """
                    apiVersion: dapr.io/v1alpha1
                    kind: Component
                    metadata:
                      name: %s
                    spec:
                      type: bindings.localstorage
                      version: v1
                      metadata:
                        - name: rootPath
                          value: "%s"
                    """.formatted(c[0], c[1]));
        }
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AtlanStorageCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static void write(Path root, String key, String content) throws IOException {
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void matchingSidesExitZero() throws IOException {
        write(source, "p/a", "1");
        write(source, "p/b/c", "2");
        assertThat(run("migrate", "--components", components.toString(), "--no-progress").exitCode()).isZero();

        Result result = run("verify", "--components", components.toString(), "--prefix", "p");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Identical: 2 objects").contains("matching:  2");
        assertThat(run("verify", "--components", components.toString(), "--download").exitCode()).isZero();
    }

    @Test
    void missingExtraAndDifferingExitOneWithJson() throws IOException {
        write(source, "p/missing", "1");
        write(destination, "p/extra", "2");
        write(source, "p/differs", "abc");
        write(destination, "p/differs", "abcd");

        Result result = run("verify", "--components", components.toString(), "--json");
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("total").asLong()).isEqualTo(2);
        assertThat(json.get("missing_keys").get(0).asText()).isEqualTo("p/missing");
        assertThat(json.get("extra_keys").get(0).asText()).isEqualTo("p/extra");
        assertThat(json.get("differing_keys").get(0).asText()).isEqualTo("p/differs");

        Result text = run("verify", "--components", components.toString());
        assertThat(text.out()).contains("Different:").contains("missing:").contains("p/missing");
    }

    @Test
    void errorsExitTwo() {
        Result result = run("verify", "--components", components.toString(), "--destination", "nope");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope");
    }
}
