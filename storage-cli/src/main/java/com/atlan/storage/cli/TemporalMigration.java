package com.atlan.storage.cli;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.temporal.MigrationRequest;
import com.atlan.storage.temporal.RemoteMigration;
import com.atlan.storage.temporal.TemporalConnection;
import com.atlan.storage.temporal.TemporalConnection.TemporalUnreachableException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code migrate --temporal}: submits the migration as a {@code MigrationWorkflow} (or attaches to the one with the
 * same workflow id still running), shows its progress and reports its summary as a local run does. Ctrl-C detaches:
 * the workflow keeps running on the workers.
 */
final class TemporalMigration {

    /** The prefix of a workflow id derived from a job id. */
    static final String WORKFLOW_ID_PREFIX = "atlan-storage-";

    /** Options of a local run the workflow does not carry: refused rather than silently ignored. */
    private static final List<String> LOCAL_ONLY_MIXINS = List.of("filters", "limits", "records", "metrics");

    private static final List<String> LOCAL_ONLY_OPTIONS =
            List.of("--resume", "--no-checkpoint", "--checkpoint-interval");

    /** Options that only mean something with {@code --temporal}. */
    private static final List<String> TEMPORAL_ONLY_OPTIONS =
            List.of("--task-queue", "--namespace", "--workflow-id", "--objects-per-shard", "--max-parallel-shards");

    private final MigrateCommand command;
    private final PrintWriter err;

    TemporalMigration(MigrateCommand command) {
        this.command = command;
        this.err = command.spec.commandLine().getErr();
    }

    int run() {
        List<String> refused = localOnlyOptionsGiven();
        if (!refused.isEmpty()) {
            err.println("error: " + String.join(", ", refused) + (refused.size() == 1 ? " applies" : " apply")
                    + " to local runs only, not with --temporal (the workflow's shards run on the workers)");
            return AtlanStorageCli.ERROR;
        }
        MigrationRequest request = request();
        String workflowId = workflowId();
        TemporalOptions temporal = command.temporal;
        TemporalConnection connection;
        TemporalOptions.quietTransport(command.common.debug());
        try {
            connection = TemporalConnection.open(temporal.address, temporal.namespace);
        } catch (TemporalUnreachableException e) {
            err.println("error: " + e.getMessage());
            return AtlanStorageCli.ERROR;
        }
        try (connection) {
            RemoteMigration migration =
                    RemoteMigration.startOrAttach(connection.client(), temporal.taskQueue, workflowId, request);
            say((migration.attached()
                            ? "Attached to workflow " + workflowId + ", already running (its own options apply)"
                            : "Started workflow " + workflowId)
                    + " on task queue '" + temporal.taskQueue + "' at " + temporal.address + "; Ctrl-C detaches"
                    + " and leaves it running");
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread onInterrupt = new Thread(
                    () -> {
                        interrupted.set(true);
                        if (!migration.completion().isDone()) {
                            err.println("Detached; workflow " + workflowId + " keeps running on the workers."
                                    + " Attach again with: " + reattach(workflowId));
                            err.flush();
                        }
                    },
                    "atlan-storage-detach");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                return command.await(migration, interrupted);
            } finally {
                MigrateCommand.removeHook(onInterrupt);
            }
        }
    }

    /** The workflow id: {@code --workflow-id}, else derived from the job id so a re-run finds the same workflow. */
    String workflowId() {
        if (command.workflow.workflowId != null) {
            return command.workflow.workflowId;
        }
        return WORKFLOW_ID_PREFIX + jobId();
    }

    private String jobId() {
        if (command.jobId != null) {
            return command.jobId;
        }
        StorePairOptions stores = command.stores;
        // Store names left out are the workers' defaults; the id names them as such.
        return Checkpoint.jobIdFor(
                stores.source == null ? "deployment" : stores.source,
                stores.destination == null ? "upstream" : stores.destination,
                stores.prefix);
    }

    private MigrationRequest request() {
        MigrationOptions options = MigrationOptions.builder()
                .concurrency(command.concurrency)
                .maxAttempts(command.maxAttempts)
                .maxFailureRate(command.maxFailureRate)
                .serverSideCopy(!command.noServerSideCopy)
                .skipUnchanged(command.skipUnchanged)
                .dryRun(command.dryRun)
                .build();
        return MigrationRequest.builder(command.stores.prefix)
                .stores(command.stores.source, command.stores.destination)
                .jobId(command.jobId)
                .options(options)
                .objectsPerShard(command.workflow.objectsPerShard)
                .maxParallelShards(command.workflow.maxParallelShards)
                .build();
    }

    private List<String> localOnlyOptionsGiven() {
        CommandSpec spec = command.spec;
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> given = new ArrayList<>();
        for (String mixin : LOCAL_ONLY_MIXINS) {
            for (OptionSpec option : spec.mixins().get(mixin).options()) {
                if (parsed.hasMatchedOption(option)) {
                    given.add(option.longestName());
                }
            }
        }
        for (String name : LOCAL_ONLY_OPTIONS) {
            if (parsed.hasMatchedOption(name)) {
                given.add(name);
            }
        }
        return given;
    }

    /** The options given that need {@code --temporal}, for a local run to refuse. */
    static List<String> temporalOnlyOptionsGiven(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        return TEMPORAL_ONLY_OPTIONS.stream().filter(parsed::hasMatchedOption).toList();
    }

    private String reattach(String workflowId) {
        return command.commandLine(
                command.workflow.workflowId == null ? List.of("--workflow-id", workflowId) : List.of("--workflow-id"));
    }

    private void say(String line) {
        if (!command.common.quiet) {
            err.println(line);
            err.flush();
        }
    }
}
