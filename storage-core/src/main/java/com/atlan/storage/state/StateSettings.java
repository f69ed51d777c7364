package com.atlan.storage.state;

import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading a state component's metadata the way Dapr writes it, for {@link StateBackendProvider}s. */
public final class StateSettings {

    private static final Logger LOG = LoggerFactory.getLogger(StateSettings.class);
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private StateSettings() {}

    /** Settings every Dapr state store takes that concern only Dapr (actors, its key prefix, cleanup) and change nothing here. */
    static final Set<String> DAPR_ONLY =
            Set.of("actorStateStore", "keyPrefix", "cleanupInterval", "cleanupIntervalInSeconds", "metadataTableName");

    /**
     * Warns about metadata names neither in {@code known} nor among the Dapr-only settings of every state store: a
     * typo must not pass silently.
     */
    public static void warnUnknown(StoreSettings settings, Set<String> known) {
        Set<String> unknown = new java.util.TreeSet<>(settings.unknownKeys(known));
        unknown.removeAll(DAPR_ONLY);
        if (!unknown.isEmpty()) {
            LOG.warn("component '{}' ({}): ignoring unknown metadata {}", settings.name(), settings.type(), unknown);
        }
    }

    /**
     * The duration in the first of {@code fields} that is set: a Go-style {@code 5s}, {@code 500ms}, {@code 1m},
     * {@code 1h}, or a plain number of seconds as Dapr's {@code timeoutInSeconds}; {@code fallback} when none is set.
     *
     * @throws StorageConfigException naming the field when the value is not a positive duration
     */
    public static Duration duration(StoreSettings settings, Duration fallback, String... fields) {
        for (String field : fields) {
            String value = settings.get(field).orElse(null);
            if (value == null) {
                continue;
            }
            Matcher m = DURATION.matcher(value);
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new StorageConfigException("component '" + settings.name() + "' metadata '" + field
                        + "' must be a positive duration such as 20, 5s or 500ms, not '" + value + "'");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        return fallback;
    }
}
