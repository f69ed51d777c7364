package com.atlan.storage.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether stderr is a terminal a progress bar can redraw. */
final class Terminal {

    private Terminal() {}

    /**
     * True when the process has a console that is a real terminal. On JDK 22+ {@code System.console()}
     * exists even when redirected, so {@code Console.isTerminal()} is consulted where present.
     */
    @SuppressWarnings("SystemConsoleNull") // handles both: null before JDK 22, isTerminal() after
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Whether output may be coloured: on a terminal, unless {@code NO_COLOR} is set (https://no-color.org). */
    static boolean colours() {
        String noColor = System.getenv("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && isInteractive();
    }
}
