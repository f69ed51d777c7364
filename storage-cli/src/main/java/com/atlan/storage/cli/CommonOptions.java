package com.atlan.storage.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.atlan.storage.config.StorageConfiguration;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Options every subcommand shares: where the components are and how much to log. */
final class CommonOptions {

    @Option(
            names = "--components",
            paramLabel = "DIR",
            description = "Folder of Dapr component YAML files. Default: env ATLAN_STORAGE_COMPONENTS,"
                    + " else ./components if it exists, else the embedded default (local folders under ./local/dapr).")
    Path components;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log more to stderr (-v info, -vv debug).")
    boolean[] verbose = new boolean[0];

    @Option(
            names = {"-q", "--quiet"},
            description = "Log errors only (no warnings), and show no progress.")
    boolean quiet;

    /** Whether {@code -vv} asked for debug logging. */
    boolean debug() {
        return verbose.length >= 2;
    }

    Optional<Path> componentsDir() {
        return Optional.ofNullable(components);
    }

    /** Applies the verbosity, then loads the components: how a command that needs nothing else first begins. */
    StorageConfiguration configuration() {
        applyLogLevel();
        return StorageConfiguration.load(componentsDir());
    }

    /**
     * Applies the verbosity to the loggers. By default this tool's own warnings and errors show, one line
     * each ("warning: ..."), and libraries' only when they are errors; {@code -q} leaves errors only;
     * {@code -v} and {@code -vv} show everything at info or debug with timestamps and logger names. An
     * explicit {@code ATLAN_STORAGE_LOG_LEVEL} is left as it is.
     */
    void applyLogLevel() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("com.atlan.storage");
        if (quiet) {
            root.setLevel(Level.ERROR);
            ours.setLevel(Level.ERROR);
            return;
        }
        if (verbose.length > 0) {
            root.setLevel(verbose.length == 1 ? Level.INFO : Level.DEBUG);
            return;
        }
        if (System.getenv("ATLAN_STORAGE_LOG_LEVEL") == null) {
            ours.setLevel(Level.WARN);
            ConsoleLines.useShortLines(root, Terminal.isInteractive());
        }
    }
}
