package com.atlan.storage.config;

import com.atlan.storage.store.StorageConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads Dapr component files: every {@code kind: Component} document of every {@code *.yaml} and
 * {@code *.yml} file directly in a folder (not in sub-folders, as Dapr does). Other kinds such as
 * {@code Configuration} are skipped. Component names must be unique across the folder.
 */
public final class ComponentsLoader {

    /** The classpath resource holding the embedded default components. */
    public static final String EMBEDDED_DEFAULT = "com/atlan/storage/config/default-components.yaml";

    private static final Logger log = LoggerFactory.getLogger(ComponentsLoader.class);

    private ComponentsLoader() {}

    /**
     * Loads the components of every YAML file directly in {@code folder}, in file name order.
     *
     * @throws StorageConfigException when the folder cannot be read, a file is malformed (the message
     *                                names file and line) or two components share a name (naming both files)
     */
    public static List<Component> loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new StorageConfigException("components folder " + folder + " does not exist or is not a directory");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(ComponentsLoader::isYaml)
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StorageConfigException(
                    null, "cannot list components folder " + folder + ": " + e.getMessage(), e);
        }
        List<Component> all = new ArrayList<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                all.addAll(parse(reader, file.toString()));
            } catch (IOException e) {
                throw new StorageConfigException(null, "cannot read component file " + file + ": " + e.getMessage(), e);
            }
        }
        return requireUniqueNames(all);
    }

    /** Loads the embedded default: local folders under {@code ./local/dapr} and SQLite state. */
    public static List<Component> loadEmbeddedDefault() {
        InputStream in = ComponentsLoader.class.getClassLoader().getResourceAsStream(EMBEDDED_DEFAULT);
        if (in == null) {
            throw new IllegalStateException("resource " + EMBEDDED_DEFAULT + " is missing from the storage-core jar");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return requireUniqueNames(
                    parse(reader, "embedded default components (classpath:" + EMBEDDED_DEFAULT + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the components in one YAML stream, which may hold several documents separated by {@code ---}.
     *
     * @param source names the file in messages
     */
    public static List<Component> parse(Reader reader, String source) {
        List<Component> components = new ArrayList<>();
        int document = 0;
        try {
            for (Object doc : yaml().loadAll(reader)) {
                document++;
                if (doc instanceof Map<?, ?> map && "Component".equals(map.get("kind"))) {
                    try {
                        components.add(toComponent(map, source, document));
                    } catch (IllegalArgumentException e) {
                        throw new StorageConfigException(source + " (document " + document + "): " + e.getMessage());
                    }
                } else {
                    log.debug(
                            "{}: skipping document {} (kind {})",
                            source,
                            document,
                            doc instanceof Map<?, ?> map ? map.get("kind") : "none");
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where =
                    mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new StorageConfigException(
                    null,
                    "malformed YAML in " + source + where + ": "
                            + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()),
                    e);
        } catch (YAMLException e) {
            throw new StorageConfigException(null, "malformed YAML in " + source + ": " + firstLine(e.getMessage()), e);
        }
        return components;
    }

    private static Component toComponent(Map<?, ?> doc, String source, int document) {
        String where = source + " (document " + document + ")";
        String name = text(section(doc, "metadata", where).get("name"), "metadata.name");
        if (name == null || name.isBlank()) {
            throw new StorageConfigException("a kind: Component in " + where + " has no metadata.name");
        }
        String in = "component '" + name + "' in " + where;
        Map<?, ?> spec = section(doc, "spec", in);
        String type = text(spec.get("type"), "spec.type");
        if (type == null || type.isBlank()) {
            throw new StorageConfigException(in + " has no spec.type");
        }
        Map<String, MetadataValue> metadata = new LinkedHashMap<>();
        Object entries = spec.get("metadata");
        if (entries != null && !(entries instanceof List<?>)) {
            throw new StorageConfigException(in + ": spec.metadata must be a list of {name, value | secretKeyRef}");
        }
        int index = 0;
        for (Object entry : entries == null ? List.of() : (List<?>) entries) {
            index++;
            String field =
                    entry instanceof Map<?, ?> m ? text(m.get("name"), "spec.metadata[" + index + "].name") : null;
            if (field == null || field.isBlank()) {
                throw new StorageConfigException(in + ": spec.metadata entry " + index + " has no name");
            }
            String what = in + ": metadata '" + field + "'";
            MetadataValue value;
            try {
                value = toValue((Map<?, ?>) entry, what);
            } catch (IllegalArgumentException e) {
                throw new StorageConfigException(what + ": " + e.getMessage());
            }
            if (metadata.put(field, value) != null) {
                throw new StorageConfigException(in + ": metadata '" + field + "' is declared twice");
            }
        }
        String secretStore = text(section(doc, "auth", in).get("secretStore"), "auth.secretStore");
        return new Component(
                name,
                type.trim(),
                text(spec.get("version"), "spec.version"),
                metadata,
                Optional.ofNullable(secretStore),
                source);
    }

    private static MetadataValue toValue(Map<?, ?> item, String field) {
        String literal = text(item.get("value"), "value");
        Object ref = item.get("secretKeyRef");
        // A non-empty value wins over a secretKeyRef, as in the SDK; an empty one defers to the ref.
        if (literal != null && (!literal.isEmpty() || ref == null)) {
            return new MetadataValue.Literal(literal);
        }
        if (ref != null) {
            String refName = ref instanceof Map<?, ?> refMap ? text(refMap.get("name"), "secretKeyRef.name") : null;
            if (refName == null || refName.isBlank()) {
                throw new StorageConfigException(field + ": secretKeyRef needs a name (and optionally a key)");
            }
            return new MetadataValue.SecretKeyRef(
                    refName.trim(), text(((Map<?, ?>) ref).get("key"), "secretKeyRef.key"));
        }
        for (Object key : item.keySet()) {
            if (!"name".equals(key)) {
                // An unknown form such as envRef would otherwise become a silently empty setting.
                throw new StorageConfigException(
                        field + " uses '" + key + "'; only value and secretKeyRef are supported");
            }
        }
        return new MetadataValue.Literal("");
    }

    /** A nested mapping, or an empty one when absent. */
    private static Map<?, ?> section(Map<?, ?> doc, String key, String where) {
        Object value = doc.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new StorageConfigException(where + ": '" + key + "' must be a mapping");
    }

    private static String text(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException("'" + field + "' must be a plain value, not a "
                    + (value instanceof Map<?, ?> ? "mapping" : "list"));
        }
        return value.toString();
    }

    private static List<Component> requireUniqueNames(List<Component> components) {
        Map<String, Component> byName = new LinkedHashMap<>();
        for (Component c : components) {
            Component previous = byName.putIfAbsent(c.name(), c);
            if (previous != null) {
                throw new StorageConfigException("component name '" + c.name() + "' is declared twice: in "
                        + previous.source() + " and in " + c.source() + "; component names must be unique");
            }
        }
        return List.copyOf(components);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * A safe loader that keeps plain scalars as the text written ({@code true}, {@code 0123}, {@code 1.0}
     * stay strings, as Dapr passes them on); only {@code null}, {@code ~} and empty values become null.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(
                new SafeConstructor(options),
                new Representer(dumperOptions),
                dumperOptions,
                options,
                new StringScalars());
    }

    private static final class StringScalars extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
