package com.atlan.storage.cli;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.services.StateStore;
import com.atlan.storage.services.StateType;
import com.atlan.storage.state.StateBackends;
import com.atlan.storage.state.StateKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atlan-storage state get|set|delete|list}: reads and changes the SDK-layout state in the state store. */
@Command(
        name = "state",
        mixinStandardHelpOptions = true,
        description = {
            "Reads and changes state as the Atlan SDK's StateStore keeps it: a JSON object per id and type, at"
                    + " persistent-artifacts/apps/{application}/{type}/{id}/config.json in the state store"
                    + " (STATE_STORE_NAME, default statestore; the embedded default ./local/dapr/statestore.db"
                    + " when there is no such component).",
            "",
            "Exit codes: 0 done, 2 usage, configuration or state store error."
        })
final class StateCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    /** Which state, and how to print it. */
    static final class Target {
        @Option(
                names = "--type",
                paramLabel = "TYPE",
                defaultValue = "workflows",
                description = "State type: workflows or credentials (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(
                names = "--application",
                paramLabel = "NAME",
                description = "Application whose state to use (default: env ATLAN_APPLICATION_NAME, else default).")
        String application;

        @Option(names = "--json", description = "Print compact JSON on one line.")
        boolean json;

        StateType type() {
            return StateType.of(type);
        }
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "Prints the state of ID as a JSON object ({} when it has none).")
    int get(@Mixin CommonOptions common, @Mixin Target target, @Parameters(paramLabel = "ID") String id) {
        try (StateStore store = open(common, target)) {
            print(target, store.get(id, target.type()));
        }
        return AtlanStorageCli.OK;
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Sets the top-level KEY of ID's state to VALUE, keeping its other keys, and prints the state."
                    + " VALUE is JSON when it parses as JSON (3, true, {\"a\":1}), else a string.")
    int set(
            @Mixin CommonOptions common,
            @Mixin Target target,
            @Parameters(index = "0", paramLabel = "ID") String id,
            @Parameters(index = "1", paramLabel = "KEY") String key,
            @Parameters(index = "2", paramLabel = "VALUE") String value) {
        try (StateStore store = open(common, target)) {
            store.set(key, parse(value), id, target.type());
            print(target, store.get(id, target.type()));
        }
        return AtlanStorageCli.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes the state of ID.")
    int delete(@Mixin CommonOptions common, @Mixin Target target, @Parameters(paramLabel = "ID") String id) {
        try (StateStore store = open(common, target)) {
            boolean deleted = store.delete(id, target.type());
            PrintWriter out = spec.commandLine().getOut();
            if (target.json) {
                out.println("{\"deleted\":" + deleted + "}");
            } else {
                out.println((deleted ? "deleted the " : "there was no ") + target.type() + " state of " + id);
            }
            out.flush();
        }
        return AtlanStorageCli.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the ids that have state of the type.")
    int list(@Mixin CommonOptions common, @Mixin Target target) {
        try (StateStore store = open(common, target)) {
            List<String> ids = store.ids(target.type());
            PrintWriter out = spec.commandLine().getOut();
            if (target.json) {
                out.println(write(JSON.valueToTree(ids)));
            } else {
                ids.forEach(out::println);
            }
            out.flush();
        }
        return AtlanStorageCli.OK;
    }

    private static StateStore open(CommonOptions common, Target target) {
        StorageConfiguration configuration = common.configuration();
        String application = StateKeys.application(
                Optional.ofNullable(target.application).or(() -> configuration.env(StateKeys.APPLICATION_ENV)));
        return new StateStore(StateBackends.open(configuration), application);
    }

    private void print(Target target, JsonNode state) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(target.json ? write(state) : state.toPrettyString());
        out.flush();
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(value);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
