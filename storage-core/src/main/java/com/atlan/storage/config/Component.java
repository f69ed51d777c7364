package com.atlan.storage.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dapr component ({@code kind: Component}) as declared in a YAML file, before secrets are resolved.
 *
 * @param name        {@code metadata.name}, the name stores are looked up by
 * @param type        {@code spec.type}, for example {@code bindings.aws.s3}
 * @param version     {@code spec.version}, or {@code ""} when absent
 * @param metadata    {@code spec.metadata} entries by name, in file order
 * @param secretStore {@code auth.secretStore}: the component that resolves this one's {@code secretKeyRef}s
 * @param source      where the component was declared (a file path or the embedded default), for messages
 */
public record Component(
        String name,
        String type,
        String version,
        Map<String, MetadataValue> metadata,
        Optional<String> secretStore,
        String source) {

    public Component {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        version = version == null ? "" : version;
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        secretStore = secretStore == null ? Optional.empty() : secretStore.filter(s -> !s.isBlank());
        Objects.requireNonNull(source, "source");
    }

    /** The entry named {@code field}, if declared. */
    public Optional<MetadataValue> entry(String field) {
        return Optional.ofNullable(metadata.get(field));
    }

    /** {@code component 'name' (type) in source}, the prefix of every message about this component. */
    public String describe() {
        return "component '" + name + "' (" + type + ") in " + source;
    }

    /** Names the metadata fields but never their values. */
    @Override
    public String toString() {
        return "Component[name=" + name + ", type=" + type + ", version=" + version
                + ", metadata=" + metadata.keySet() + ", secretStore=" + secretStore.orElse("-")
                + ", source=" + source + "]";
    }
}
