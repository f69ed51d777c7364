package com.atlan.storage.services;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of state the Atlan SDK keeps, each in a folder of its own: {@code workflows} and {@code credentials}. */
public enum StateType {
    /** Workflow arguments and progress, by workflow id. */
    WORKFLOWS("workflows"),
    /** Credentials, by credential id. */
    CREDENTIALS("credentials");

    private final String value;

    StateType(String value) {
        this.value = value;
    }

    /** The name used in keys and on the command line, e.g. {@code workflows}. */
    public String value() {
        return value;
    }

    /** Whether {@code value} names a state type ({@code workflows} or {@code credentials}), as the SDK's {@code is_member}. */
    public static boolean isMember(String value) {
        return Arrays.stream(values()).anyMatch(t -> t.value.equals(value));
    }

    /**
     * The state type named {@code value} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the types there are
     */
    public static StateType of(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.value.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown state type '" + value + "'; use workflows or credentials"));
    }

    @Override
    public String toString() {
        return value;
    }
}
