package com.atlan.storage.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;

/**
 * Turns the log's stderr lines into short ones for default verbosity: "warning: ..." and "error: ...",
 * without timestamps or logger names, which only {@code -v} needs.
 */
final class ConsoleLines {

    /** Clears a progress bar's half-drawn line first, so a warning starts at the left margin. */
    private static final String CLEAR_LINE = "\r\u001b[K";

    private ConsoleLines() {}

    /** Re-encodes every console appender of {@code root}; {@code terminal} adds the line clearing. */
    static void useShortLines(Logger root, boolean terminal) {
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                PatternLayoutEncoder encoder = new PatternLayoutEncoder();
                encoder.setContext(console.getContext());
                encoder.setPattern((terminal ? CLEAR_LINE : "")
                        + "%replace(%replace(%level){'WARN','warning'}){'ERROR','error'}: %msg%n");
                encoder.start();
                console.setEncoder(encoder);
            }
        }
    }
}
