package com.atlan.storage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code atlan-storage version}: the same as {@code --version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version and the Java runtime.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new VersionProvider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        spec.commandLine().getOut().flush();
        return AtlanStorageCli.OK;
    }
}
