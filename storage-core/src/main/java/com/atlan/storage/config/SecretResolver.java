package com.atlan.storage.config;

import com.atlan.storage.store.StorageConfigException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a component's declared metadata into plain values: literals as written, {@code secretKeyRef}s
 * looked up in the component's {@code auth.secretStore} and then in the environment. Rejects values
 * with unfilled {@code {{placeholders}}}. No message or log line carries a resolved value.
 */
final class SecretResolver {

    static final String LOCAL_ENV = "secretstores.local.env";
    static final String LOCAL_FILE = "secretstores.local.file";

    private static final Logger log = LoggerFactory.getLogger(SecretResolver.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Component> components;
    private final Map<String, String> env;
    private final Path workingDir;
    private final Map<String, Map<String, String>> fileSecrets = new ConcurrentHashMap<>();

    SecretResolver(Map<String, Component> components, Map<String, String> env, Path workingDir) {
        this.components = components;
        this.env = env;
        this.workingDir = workingDir;
    }

    /** Every metadata value of {@code component}, resolved and checked for placeholders. */
    Map<String, String> resolve(Component component) {
        Map<String, String> resolved = new LinkedHashMap<>();
        component.metadata().forEach((field, declared) -> {
            String value = switch (declared) {
                case MetadataValue.Literal literal -> literal.value();
                case MetadataValue.SecretKeyRef ref -> secret(component, field, ref);
            };
            requireNoPlaceholder(component, field, declared, value);
            resolved.put(field, value);
        });
        return resolved;
    }

    private String secret(Component component, String field, MetadataValue.SecretKeyRef ref) {
        List<String> tried = new ArrayList<>();
        Optional<String> storeName = component.secretStore();
        if (storeName.isPresent()) {
            Component store = components.get(storeName.get());
            if (store == null) {
                tried.add("auth.secretStore '" + storeName.get() + "' (no such component was loaded)");
            } else {
                Optional<String> found = fromSecretStore(store, ref, tried);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        // BLDX-1619: the SDK falls back to the environment, by key first, then by name.
        for (String variable : new LinkedHashSet<>(List.of(ref.key(), ref.name()))) {
            tried.add("environment variable " + variable);
            String value = env.get(variable);
            if (value != null) {
                return value;
            }
        }
        throw new StorageConfigException(component.describe() + ": metadata '" + field + "' refers to " + ref.describe()
                + ", which was not found; looked in: " + String.join(", ", tried));
    }

    private Optional<String> fromSecretStore(Component store, MetadataValue.SecretKeyRef ref, List<String> tried) {
        String label = "secret store '" + store.name() + "' (" + store.type() + ")";
        switch (store.type()) {
            case LOCAL_ENV -> {
                // Dapr's local.env store reads the variable named by the ref's name (after an optional prefix);
                // a differing key is tried next rather than failing as Dapr would.
                String prefix = setting(store, "prefix").orElse("");
                for (String variable : new LinkedHashSet<>(List.of(prefix + ref.name(), prefix + ref.key()))) {
                    tried.add(label + " variable " + variable);
                    String value = env.get(variable);
                    if (value != null) {
                        return Optional.of(value);
                    }
                }
                return Optional.empty();
            }
            case LOCAL_FILE -> {
                Map<String, String> secrets = fileSecrets.computeIfAbsent(store.name(), n -> readSecretsFile(store));
                String separator = setting(store, "nestedSeparator").orElse(":");
                boolean multiValued =
                        setting(store, "multiValued").map(Boolean::parseBoolean).orElse(false);
                // multiValued: the name selects a top-level object and the key a field in it.
                List<String> candidates = multiValued
                        ? List.of(ref.name() + separator + ref.key(), ref.name())
                        : List.of(ref.name(), ref.key());
                for (String secret : new LinkedHashSet<>(candidates)) {
                    tried.add(label + " secret " + secret);
                    String value = secrets.get(secret);
                    if (value != null) {
                        return Optional.of(value);
                    }
                }
                return Optional.empty();
            }
            default -> {
                log.warn(
                        "{} is not supported for resolving secrets (only {} and {}); using environment variables",
                        label,
                        LOCAL_ENV,
                        LOCAL_FILE);
                tried.add(label + " (type not supported)");
                return Optional.empty();
            }
        }
    }

    private Map<String, String> readSecretsFile(Component store) {
        String declared = setting(store, "secretsFile")
                .orElseThrow(
                        () -> new StorageConfigException(store.describe() + ": metadata 'secretsFile' is required"));
        Path file = workingDir.resolve(declared).normalize();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // Parser messages quote the offending text, which may be a secret: report the position only.
            JsonLocation at = e.getLocation();
            throw new StorageConfigException(store.describe() + ": secretsFile " + file + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new StorageConfigException(
                    store.name(),
                    store.describe() + ": cannot read secretsFile " + file + ": "
                            + e.getClass().getSimpleName(),
                    null);
        }
        if (root == null || !root.isObject()) {
            throw new StorageConfigException(store.describe() + ": secretsFile " + file + " must hold a JSON object");
        }
        Map<String, String> flat = new HashMap<>();
        flatten("", root, setting(store, "nestedSeparator").orElse(":"), flat);
        log.debug("read {} secrets from {} for secret store '{}'", flat.size(), file, store.name());
        return Map.copyOf(flat);
    }

    private static void flatten(String path, JsonNode node, String separator, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(path.isEmpty() ? e.getKey() : path + separator + e.getKey(), e.getValue(), separator, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + separator + i, node.get(i), separator, out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.asText());
        }
    }

    /** A literal setting of a secret store component; secret stores cannot take their own settings from secrets. */
    private static Optional<String> setting(Component store, String field) {
        return store.entry(field)
                .map(v -> switch (v) {
                    case MetadataValue.Literal literal -> literal.value();
                    case MetadataValue.SecretKeyRef ref ->
                        throw new StorageConfigException(store.describe() + ": metadata '" + field
                                + "' of a secret store must be a literal value, not " + ref.describe());
                })
                .filter(s -> !s.isBlank())
                .map(String::trim);
    }

    private static void requireNoPlaceholder(Component component, String field, MetadataValue declared, String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        if (!m.find()) {
            return;
        }
        if (declared instanceof MetadataValue.SecretKeyRef ref) {
            throw new StorageConfigException(component.describe() + ": the secret behind metadata '" + field + "' ("
                    + ref.describe() + ") contains an unfilled {{placeholder}}; set the real value");
        }
        Set<String> all = new LinkedHashSet<>();
        do {
            all.add(m.group());
        } while (m.find());
        throw new StorageConfigException(component.describe() + ": metadata '" + field + "' has unfilled placeholder "
                + String.join(", ", all) + "; replace it with the real value (for example your tenant's host name)");
    }
}
