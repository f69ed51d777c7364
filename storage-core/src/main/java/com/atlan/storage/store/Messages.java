package com.atlan.storage.store;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Failures in words a person reads, without Java class names: the message when there is one (with any class-name
 * prefix a library put before it removed), else a phrase for the kind of failure.
 */
public final class Messages {

    /** {@code java.io.IOException: } and the like, at the start of a message or after a colon. */
    private static final Pattern CLASS_PREFIX =
            Pattern.compile("(?<=^|: )(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)(?::\\s*|$)");

    private Messages() {}

    /** What {@code failure} says, in words. */
    public static String of(Throwable failure) {
        if (failure == null) {
            return "unknown error";
        }
        String message = failure.getMessage();
        if (message != null && !message.isBlank()) {
            String cleaned = withoutClassNames(message).strip();
            if (!cleaned.isEmpty()) {
                return failure instanceof UnknownHostException ? "unknown host " + cleaned : cleaned;
            }
        }
        return switch (failure) {
            case EOFException e -> "the stream ended early";
            case SocketTimeoutException e -> "timed out";
            case ConnectException e -> "the connection was refused";
            case InterruptedException e -> "interrupted";
            default ->
                failure.getCause() != null && !failure.getCause().equals(failure)
                        ? of(failure.getCause())
                        : words(failure.getClass().getSimpleName());
        };
    }

    /** {@code text} with Java class-name prefixes such as {@code java.io.IOException: } removed. */
    public static String withoutClassNames(String text) {
        return CLASS_PREFIX.matcher(text).replaceAll("");
    }

    /** {@code IllegalStateException} as {@code illegal state}. */
    private static String words(String simpleName) {
        String bare = simpleName.replaceAll("(Exception|Error)$", "");
        String spaced = bare.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isBlank() ? "unexpected failure" : "unexpected failure (" + spaced + ")";
    }
}
