package com.atlan.storage.faultruns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What each fault run did, appended to {@code target/fault-runs/outcomes.md} (one block per run) so that a failing
 * run's exit, counts and faults can be read and compared after a fix.
 */
final class RunLog {

    private static final Path FILE = Path.of("target", "fault-runs", "outcomes.md");

    private RunLog() {}

    static synchronized void append(String run, String... lines) {
        StringBuilder s = new StringBuilder("### ").append(run).append('\n');
        for (String line : lines) {
            s.append("- ").append(line.replace('\n', ' ')).append('\n');
        }
        s.append('\n');
        System.out.print(s);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An exception as a person reads it: its type, message and, if different, its cause's. */
    static String describe(Throwable t) {
        String s = t.getClass().getSimpleName() + ": " + t.getMessage();
        Throwable cause = t.getCause();
        if (cause != null && cause.getMessage() != null && !s.contains(cause.getMessage())) {
            s += " (cause " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
