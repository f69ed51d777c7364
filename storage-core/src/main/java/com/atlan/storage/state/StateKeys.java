package com.atlan.storage.state;

import java.util.Optional;

/**
 * Where things live in a state store, in the Atlan application SDK's layout so state written by either is found
 * by both: {@code persistent-artifacts/apps/{application}/{type}/{id}/config.json}. Migrations keep their
 * checkpoint and lock beside it, under {@code persistent-artifacts/apps/{application}/migrations/{job}/}.
 *
 * <p>Every segment is checked with {@link #requireSegment}: one path segment, never {@code .} or {@code ..}, no
 * {@code /} or {@code \}, no control characters. So no id can reach another application's or another type's
 * state (the SDK only kept ids inside its temporary folder).
 */
public final class StateKeys {

    /** The environment variable naming the application whose state is used. */
    public static final String APPLICATION_ENV = "ATLAN_APPLICATION_NAME";

    /** The application name used when {@value #APPLICATION_ENV} is unset. */
    public static final String DEFAULT_APPLICATION = "default";

    /** The longest id accepted, in characters. */
    public static final int MAX_SEGMENT_LENGTH = 255;

    private static final String ROOT = "persistent-artifacts/apps/";
    private static final String STATE_FILE = "config.json";
    private static final String MIGRATIONS = "migrations";

    private StateKeys() {}

    /** The key of the state of {@code id} of the type named {@code type} in {@code application}. */
    public static String state(String application, String type, String id) {
        return typePrefix(application, type) + requireSegment(id, "state id") + "/" + STATE_FILE;
    }

    /** The prefix under which every id of {@code type} in {@code application} lives (ends with {@code /}). */
    public static String typePrefix(String application, String type) {
        return ROOT + requireSegment(application, "application name") + "/" + requireSegment(type, "state type") + "/";
    }

    /** The id whose state {@code key} holds, when {@code key} is a state key under {@code typePrefix}. */
    public static Optional<String> idOf(String typePrefix, String key) {
        if (!key.startsWith(typePrefix) || !key.endsWith("/" + STATE_FILE)) {
            return Optional.empty();
        }
        String id = key.substring(typePrefix.length(), key.length() - STATE_FILE.length() - 1);
        return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
    }

    /** The key of the checkpoint of migration job {@code jobId}. */
    public static String checkpoint(String application, String jobId) {
        return job(application, jobId) + "checkpoint.json";
    }

    /** The key of the lock (lease) of migration job {@code jobId}. */
    public static String lock(String application, String jobId) {
        return job(application, jobId) + "lock.json";
    }

    private static String job(String application, String jobId) {
        return ROOT + requireSegment(application, "application name") + "/" + MIGRATIONS + "/"
                + requireSegment(jobId, "job id") + "/";
    }

    /**
     * {@code value} when it is usable as one path segment of a key.
     *
     * @param what names the value in the message, e.g. {@code state id}
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public static String requireSegment(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        String problem = null;
        if (value.equals(".") || value.equals("..")) {
            problem = "is a relative path";
        } else if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            problem = "contains a path separator (/ or \\)";
        } else if (value.length() > MAX_SEGMENT_LENGTH) {
            problem = "is longer than " + MAX_SEGMENT_LENGTH + " characters";
        } else if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problem = "contains a control character";
            shown = shown.replaceAll("\\p{Cntrl}", "?");
        } else if (!value.strip().equals(value)) {
            problem = "starts or ends with white space";
        }
        if (problem != null) {
            throw new IllegalArgumentException("the " + what + " '" + shown + "' " + problem
                    + "; it must be one path segment, so it cannot reach another application's or type's state");
        }
        return value;
    }

    /** The application name set in {@value #APPLICATION_ENV} ({@code fromEnv}), else {@value #DEFAULT_APPLICATION}. */
    public static String application(Optional<String> fromEnv) {
        return requireSegment(fromEnv.map(String::trim).orElse(DEFAULT_APPLICATION), APPLICATION_ENV);
    }
}
