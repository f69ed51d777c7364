package com.atlan.storage.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * A component's resolved configuration, handed to an {@link BackendProvider}.
 *
 * @param name        the component name
 * @param type        the Dapr component type
 * @param metadata    metadata values with secrets already resolved; never printed
 * @param baseDir     the directory relative paths in the metadata are resolved against
 * @param concurrency the number of transfers the caller will run at once, to size connection pools
 */
public record StoreSettings(String name, String type, Map<String, String> metadata, Path baseDir, int concurrency) {

    public StoreSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        metadata = Map.copyOf(metadata);
        baseDir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir;
        concurrency = Math.max(1, concurrency);
    }

    /** A metadata value, if set and not blank. */
    public Optional<String> get(String key) {
        String v = metadata.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** A metadata value that must be present. */
    public String require(String key) {
        return get(key).orElseThrow(() ->
                new StorageConfigException("component '" + name + "' (" + type + ") needs metadata '" + key + "'"));
    }

    /** A boolean metadata value ("true"/"false", case-insensitive); {@code fallback} when unset. */
    public boolean flag(String key, boolean fallback) {
        return get(key).map(v -> {
                    if (v.equalsIgnoreCase("true")) return true;
                    if (v.equalsIgnoreCase("false")) return false;
                    throw invalid(key, "must be true or false, not '" + v + "'");
                })
                .orElse(fallback);
    }

    /** A whole number >= 0; {@code fallback} when unset. */
    public int wholeNumber(String key, int fallback) {
        return get(key).map(v -> {
                    try {
                        int n = Integer.parseInt(v);
                        if (n >= 0) {
                            return n;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw invalid(key, "must be a whole number, not '" + v + "'");
                })
                .orElse(fallback);
    }

    /**
     * A size in bytes, written as {@code 8MiB}, {@code 256MB}, {@code 1GiB} or {@code 1048576} (binary units either
     * way); {@code fallback} bytes when unset.
     */
    public long size(String key, long fallback) {
        return get(key).map(v -> ByteSize.parse(name, key, v)).orElse(fallback);
    }

    /** A whole number of MiB, for settings named {@code ...MiB}, in bytes; {@code fallbackMiB} MiB when unset. */
    public long mebibytes(String key, long fallbackMiB) {
        long mib = 1024L * 1024;
        return get(key).map(v -> {
                    try {
                        long n = Long.parseLong(v);
                        if (n >= 0) {
                            return Math.multiplyExact(n, mib);
                        }
                    } catch (NumberFormatException | ArithmeticException e) {
                        // reported below
                    }
                    throw invalid(key, "must be a whole number of MiB, not '" + v + "'");
                })
                .orElse(fallbackMiB * mib);
    }

    /** The error for a value of {@code key} that is not what the backend needs, {@code why} saying what is. */
    public StorageConfigException invalid(String key, String why) {
        return StorageConfigException.invalidSetting(name, key, why);
    }

    /**
     * Options of Dapr's object-store bindings that mean nothing to a backend (the binding's base64 handling): known, so
     * never warned about.
     */
    public static final Set<String> BINDING_ONLY_OPTIONS = Set.of("decodeBase64", "encodeBase64");

    /** The names in all of {@code groups}, for a provider's known metadata. */
    @SafeVarargs
    public static Set<String> names(Collection<String>... groups) {
        Set<String> all = new HashSet<>();
        for (Collection<String> group : groups) {
            all.addAll(group);
        }
        return Set.copyOf(all);
    }

    /**
     * A backend's configuration read from these settings by {@code reader}, after warning about metadata outside
     * {@code known}; the result is logged at debug level, so its {@code toString} must leave out secrets.
     */
    public <C> C read(Set<String> known, Function<StoreSettings, C> reader) {
        warnUnknown(known);
        C config = reader.apply(this);
        LoggerFactory.getLogger(StoreSettings.class).debug("component '{}': {}", name, config);
        return config;
    }

    /** Logs a warning naming the metadata present but not in {@code known}: a typo must not pass silently. */
    public void warnUnknown(Set<String> known) {
        Set<String> unknown = unknownKeys(known);
        if (!unknown.isEmpty()) {
            LoggerFactory.getLogger(StoreSettings.class)
                    .warn("component '{}' ({}): ignoring unknown metadata {}", name, type, unknown);
        }
    }

    /** Metadata names present but not in {@code known}, for warnings. */
    public Set<String> unknownKeys(Set<String> known) {
        return metadata.keySet().stream()
                .filter(k -> !known.contains(k))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    @Override
    public String toString() {
        return "StoreSettings[name=" + name + ", type=" + type + ", metadataKeys="
                + new java.util.TreeSet<>(metadata.keySet()) + "]";
    }
}
