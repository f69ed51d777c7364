package com.atlan.storage.cli;

import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.state.StateException;
import com.atlan.storage.store.Messages;
import com.atlan.storage.store.StorageException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code atlan-storage} command: parses arguments and dispatches to a subcommand. */
@Command(
        name = "atlan-storage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Migrates objects from the deployment object store to the upstream object store"
                + " (bucket cloning), configured by the Dapr component files your application uses.",
        subcommands = {
            MigrateCommand.class,
            PlanCommand.class,
            VerifyCommand.class,
            LsCommand.class,
            CpCommand.class,
            RmCommand.class,
            StoresCommand.class,
            StateCommand.class,
            WorkerCommand.class,
            CompletionCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 all migrated (or none matched) / verified identical, 1 some objects failed /"
                    + " differ, 2 usage, configuration or listing error, or the job is already running."
        })
public final class AtlanStorageCli {

    /** Exit code when every selected object is at the destination. */
    public static final int OK = 0;
    /** Exit code when some objects failed, or verify found differences. */
    public static final int SOME_FAILED = 1;
    /** Exit code for usage, configuration and listing errors. */
    public static final int ERROR = 2;

    private AtlanStorageCli() {}

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(
                args,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(AtlanStorageCli.class);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ERROR);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + describe(e));
            return ERROR;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("error: " + e.getMessage());
            command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ERROR;
        });
        return cli.execute(args);
    }

    private static String describe(Exception e) {
        if (e instanceof StorageException
                || e instanceof MigrationException
                || e instanceof StateException
                || e instanceof IllegalArgumentException
                || e instanceof java.io.UncheckedIOException) {
            return e.getMessage();
        }
        return Messages.of(e);
    }
}
