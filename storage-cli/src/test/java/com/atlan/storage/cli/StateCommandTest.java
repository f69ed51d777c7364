package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atlan-storage state get|set|delete|list} against a state store from component files. */
class StateCommandTest {

    @TempDir
    Path dir;

    Path components;
    String application = "cli-" + UUID.randomUUID();

    @BeforeEach
    void stateStore() {
        components = dir.resolve("components");
        ComponentFiles.stateStore(
                components,
                "state.sqlite",
                Map.of("connectionString", dir.resolve("state.db").toString()));
    }

    private CliRun state(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "state";
        all[1] = args[0];
        all[2] = "--components";
        all[3] = components.toString();
        all[4] = "--application=" + application;
        System.arraycopy(args, 1, all, 5, args.length - 1);
        return CliRun.of(all);
    }

    @Test
    void setsGetsListsAndDeletesState() {
        assertThat(state("set", "wf-1", "migration_batch_001", "{\"total_files\": 3}")
                        .exitCode())
                .isZero();
        CliRun set = state("set", "wf-1", "status", "done", "--json");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out().strip()).isEqualTo("{\"migration_batch_001\":{\"total_files\":3},\"status\":\"done\"}");

        assertThat(state("get", "wf-1").out()).contains("\"total_files\" : 3");
        assertThat(state("get", "wf-1", "--type", "credentials", "--json").out().strip())
                .as("types are apart")
                .isEqualTo("{}");
        assertThat(state("set", "wf-2", "n", "7").exitCode()).isZero();
        assertThat(state("list").out().lines()).containsExactly("wf-1", "wf-2");
        assertThat(state("list", "--json").out().strip()).isEqualTo("[\"wf-1\",\"wf-2\"]");

        assertThat(state("delete", "wf-1").out()).contains("deleted the workflows state of wf-1");
        assertThat(state("delete", "wf-1", "--json").out().strip()).isEqualTo("{\"deleted\":false}");
        assertThat(state("get", "wf-1", "--json").out().strip()).isEqualTo("{}");
    }

    @Test
    void badIdsTypesAndStoresExitTwoWithAMessage() {
        CliRun traversal = state("set", "../other-app", "k", "v");
        assertThat(traversal.exitCode()).isEqualTo(2);
        assertThat(traversal.err()).contains("state id '../other-app'").doesNotContain("Exception");

        CliRun type = state("get", "wf", "--type", "secrets");
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err()).contains("unknown state type 'secrets'; use workflows or credentials");

        ComponentFiles.stateStore(components, "state.redis", Map.of("redisHost", "127.0.0.1:1", "dialTimeout", "1s"));
        CliRun down = state("get", "wf");
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).contains("state store 'statestore' (state.redis, redis://127.0.0.1:1/0): cannot read");
    }

    @Test
    void helpDescribesTheSubcommands() {
        CliRun help = CliRun.of("state", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("get", "set", "delete", "list", "persistent-artifacts/apps");
        assertThat(CliRun.of("state", "set", "--help").out()).contains("--type", "--json", "--components");
    }
}
