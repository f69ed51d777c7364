package com.atlan.storage.store;

import java.nio.file.Path;

/**
 * Turns user paths into store keys with the Python SDK's {@code as_store_key} rules, so callers can pass
 * either a key ({@code artifacts/x.json}) or a local staging path ({@code ./local/tmp/artifacts/x.json}).
 *
 * <ol>
 *   <li>{@code null} or empty gives {@code ""}.</li>
 *   <li>A path that lies under the temporary root becomes the relative path below it (the root itself gives {@code ""}).</li>
 *   <li>Otherwise leading and trailing {@code /} are stripped.</li>
 *   <li>Backslashes become {@code /}, and leading and trailing {@code /} are stripped again; {@code "."} gives {@code ""}.</li>
 * </ol>
 * Clean keys are returned unchanged.
 */
public final class StoreKeys {

    /** The SDK's default temporary root, overridden by env {@code ATLAN_TEMPORARY_PATH}. */
    public static final String DEFAULT_TEMPORARY_PATH = "./local/tmp/";

    private static final StoreKeys DEFAULT =
            new StoreKeys(Path.of(envOr("ATLAN_TEMPORARY_PATH", DEFAULT_TEMPORARY_PATH)));

    private final Path temporaryRoot;

    /** Key rules with {@code temporaryRoot} (resolved against the working directory) as the temp root. */
    public StoreKeys(Path temporaryRoot) {
        this.temporaryRoot = temporaryRoot.toAbsolutePath().normalize();
    }

    /** The temporary root (absolute); local paths under it map to keys. */
    public Path temporaryRoot() {
        return temporaryRoot;
    }

    /** The rules with the temporary root from the environment. */
    public static StoreKeys defaults() {
        return DEFAULT;
    }

    /** {@link #toKey} with the default rules. */
    public static String asStoreKey(String path) {
        return DEFAULT.toKey(path);
    }

    /** The store key for a key or a local path. */
    public String toKey(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        String key = underTemporaryRoot(path);
        if (key == null) {
            key = strip(path);
        }
        key = strip(key.replace('\\', '/'));
        return key.equals(".") ? "" : key;
    }

    private String underTemporaryRoot(String path) {
        Path absolute;
        try {
            absolute = Path.of(path).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!absolute.startsWith(temporaryRoot)) {
            return null;
        }
        return temporaryRoot.relativize(absolute).toString();
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') start++;
        while (end > start && s.charAt(end - 1) == '/') end--;
        return s.substring(start, end);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
