package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.testing.ComponentFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** plan, ls, cp, rm, stores, completion and version through the launcher on local folders. */
class CommandsTest extends LocalStoresTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CliRun run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--components", components.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void planCountsWhatAMigrationWouldDoAndItsManifestGivesEachObjectsActionAndReason() throws IOException {
        write(source, "p/new.csv", "n");
        write(source, "p/same.csv", "s");
        write(destination, "p/same.csv", "s");
        write(source, "p/grown.csv", "longer");
        write(destination, "p/grown.csv", "short");
        Path manifest = dir.resolve("plan.ndjson");

        CliRun plan = run("plan", "--prefix", "p", "--manifest", manifest.toString());

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out())
                .containsPattern("copy:\\s+2\\s")
                .containsPattern("skip \\(already identical\\):\\s+1\\s")
                .containsPattern("new\\s+1")
                .containsPattern("size_differs\\s+1");
        Map<String, JsonNode> byKey = new java.util.TreeMap<>();
        lines(manifest).forEach(n -> byKey.put(n.get("key").asText(), n));
        assertThat(byKey).containsOnlyKeys("p/new.csv", "p/same.csv", "p/grown.csv");
        assertThat(byKey.get("p/new.csv").get("action").asText()).isEqualTo("copy");
        assertThat(byKey.get("p/new.csv").get("reason").asText()).isEqualTo("new");
        assertThat(byKey.get("p/same.csv").get("action").asText()).isEqualTo("skip");
        assertThat(byKey.get("p/grown.csv").get("reason").asText()).isEqualTo("size_differs");
        assertThat(destination.resolve("p/new.csv")).as("a plan writes nothing").doesNotExist();

        CliRun json = run("plan", "--prefix", "p", "--json");
        JsonNode totals = JSON.readTree(json.out());
        assertThat(totals.get("copy").get("new").get("files").asInt()).isEqualTo(1);
        assertThat(totals.get("total_files").asInt()).isEqualTo(3);
    }

    @Test
    void lsListsKeysWithDetailsSummaryAndJsonAndHonoursFilters() throws IOException {
        write(source, "data/a.csv", "abc");
        write(source, "data/b.json", "{}");
        write(source, "data_archive/c.csv", "no");

        CliRun plain = run("ls", "objectstore:data");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out().lines()).containsExactly("data/a.csv", "data/b.json");

        CliRun longFormat = run("ls", "--long", "objectstore:data");
        assertThat(longFormat.out()).containsPattern("\\s3\\s+\\d{4}-\\d\\d-\\d\\dT.*data/a.csv");

        CliRun summary = run("ls", "--summary", "--include", "*.csv", "objectstore:");
        assertThat(summary.out()).startsWith("2 objects").contains("(5 bytes)");

        CliRun json = run("ls", "--json", "objectstore:data/b.json");
        JsonNode node = JSON.readTree(json.out());
        assertThat(node.get("key").asText()).isEqualTo("data/b.json");
        assertThat(node.get("size").asInt()).isEqualTo(2);
    }

    @Test
    void lsOfAStoreThatIsNotConfiguredNamesTheStoresThatAre() {
        CliRun result = run("ls", "nosuchstore:data");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no component named 'nosuchstore'").contains("objectstore");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void cpCopiesBetweenStoresAndBetweenALocalFileAndAStore() throws IOException {
        write(source, "data/a.csv", "a,b");

        CliRun between = run("cp", "objectstore:data/a.csv", "upstream-objectstore:archive/");
        assertThat(between.exitCode()).as(between.err()).isZero();
        assertThat(between.out()).contains("objectstore:data/a.csv -> upstream-objectstore:archive/a.csv");
        assertThat(destination.resolve("archive/a.csv")).hasContent("a,b");

        Path local = Files.writeString(dir.resolve("local.txt"), "from disk");
        CliRun up = run("cp", local.toString(), "upstream-objectstore:in/x.txt");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(destination.resolve("in/x.txt")).hasContent("from disk");

        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        CliRun down = run("cp", "upstream-objectstore:in/x.txt", downloads.toString());
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(downloads.resolve("x.txt")).hasContent("from disk");
    }

    @Test
    void cpOfAMissingKeyFailsWithExitOneAndWritesNothing() {
        CliRun result = run("cp", "objectstore:data/missing.csv", "upstream-objectstore:x.csv");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("data/missing.csv");
        assertThat(destination.resolve("x.csv")).doesNotExist();
    }

    @Test
    void cpWithoutAnyStoreNamesTheConfiguredOnes() {
        CliRun result = run("cp", dir.resolve("a").toString(), "nosuch:b");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("neither").contains("objectstore");
    }

    @Test
    void rmDeletesWhatThePrefixSelectsAndNeverItsSiblings() throws IOException {
        write(source, "tmp/a", "1");
        write(source, "tmp/b/c", "2");
        write(source, "tmp_keep/d", "3");

        CliRun dry = run("rm", "--dry-run", "objectstore:tmp");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("would delete tmp/a").contains("Would delete 2 objects");
        assertThat(source.resolve("tmp/a")).exists();

        CliRun rm = run("rm", "objectstore:tmp");
        assertThat(rm.exitCode()).as(rm.err()).isZero();
        assertThat(rm.out()).contains("Deleted 2 objects");
        assertThat(source.resolve("tmp/a")).doesNotExist();
        assertThat(source.resolve("tmp/b/c")).doesNotExist();
        assertThat(source.resolve("tmp_keep/d")).hasContent("3");
    }

    @Test
    void rmRefusesTheWholeStoreWithoutAll() throws IOException {
        write(source, "a", "1");
        CliRun refused = run("rm", "objectstore:");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--all");
        assertThat(source.resolve("a")).exists();

        CliRun all = run("rm", "--all", "objectstore:");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(source.resolve("a")).doesNotExist();
    }

    @Test
    void storesShowsEachStoreWithSecretsRedactedAndCheckProbesThem() throws IOException {
        ComponentFiles.write(
                components,
                "keyed",
                ComponentFiles.yaml(
                        "keyed",
                        "bindings.aws.s3",
                        Map.of(
                                "bucket",
                                "b",
                                "region",
                                "us-east-1",
                                "accessKey",
                                "AKIAEXAMPLE",
                                "secretKey",
                                "very-secret-value")));
        CliRun list = run("stores");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("objectstore (bindings.localstorage) [default source]")
                .contains("keyed (bindings.aws.s3)")
                .contains("secretKey: ***")
                .doesNotContain("very-secret-value")
                .doesNotContain("AKIAEXAMPLE");

        CliRun check = run("stores", "--check", "objectstore", "upstream-objectstore");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("ok: list, write, read back, delete").contains("2 of 2 stores passed");
        try (var left = Files.walk(source)) {
            assertThat(left.filter(Files::isRegularFile))
                    .as("the probe object is deleted")
                    .isEmpty();
        }
    }

    @Test
    void storesCheckOfAFolderThatCannotBeWrittenFailsWithExitTwo() throws IOException {
        Path blocked = Files.writeString(dir.resolve("a-file"), "not a folder");
        ComponentFiles.localStore(
                components, "blocked", blocked.resolve("inside").toString());
        CliRun check = run("stores", "--check", "blocked");
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out()).contains("FAILED at").contains("0 of 1 stores passed");
    }

    @Test
    void completionPrintsAScriptNamingEveryCommand() {
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out())
                .contains("complete -F")
                .contains("migrate")
                .contains("stores")
                .contains("--bwlimit");
        CliRun zsh = CliRun.of("completion", "zsh");
        assertThat(zsh.out()).startsWith("autoload -U +X compinit");
    }

    @Test
    void versionPrintsTheVersion() {
        CliRun version = CliRun.of("version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("atlan-storage ").contains("Java ");
    }

    @Test
    void migrateWritesAPerObjectLogAndEveryFailureAndAppliesFilters() throws IOException {
        write(source, "p/a.csv", "a");
        write(source, "p/b.csv", "b");
        write(source, "p/c.json", "c");
        // a folder where the destination needs a file fails that object for good
        Files.createDirectories(destination.resolve("p/b.csv/occupied"));
        Path log = dir.resolve("log.ndjson");
        Path failures = dir.resolve("failures.ndjson");

        CliRun result = run(
                "migrate",
                "--no-progress",
                "--json",
                "--max-attempts",
                "1",
                "--prefix",
                "p",
                "--include",
                "*.csv",
                "--log-json",
                log.toString(),
                "--failures",
                failures.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        MigrationSummary summary = MigrationSummary.fromJson(result.out().strip());
        assertThat(summary.totalFiles()).as("c.json is filtered out").isEqualTo(2);
        assertThat(summary.failedMigrations()).isEqualTo(1);
        assertThat(destination.resolve("p/c.json")).doesNotExist();
        List<JsonNode> events = lines(log);
        assertThat(events).extracting(n -> n.get("key").asText()).containsExactlyInAnyOrder("p/a.csv", "p/b.csv");
        JsonNode failed = events.stream()
                .filter(n -> n.get("key").asText().equals("p/b.csv"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.get("outcome").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).isNotBlank();
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(lines(failures))
                .singleElement()
                .satisfies(n -> assertThat(n.get("file").asText()).isEqualTo("p/b.csv"));
    }

    @Test
    void badFilterAndLimitValuesNameTheOption() {
        CliRun size = run("migrate", "--no-progress", "--min-size", "ten");
        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.err()).contains("--min-size").contains("'ten' is not a size");
        CliRun bw = run("migrate", "--no-progress", "--bwlimit", "08:00,1M 25:00,off");
        assertThat(bw.exitCode()).isEqualTo(2);
        assertThat(bw.err()).contains("--bwlimit").contains("25:00");
    }
}
