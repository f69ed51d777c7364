package com.atlan.storage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes Dapr component files into a test's components folder, as a user's deployment would have them. */
public final class ComponentFiles {

    private ComponentFiles() {}

    /** Writes {@code NAME.yaml}: a {@code bindings.localstorage} component over {@code rootPath}. */
    public static Path localStore(Path folder, String name, String rootPath) {
        return write(folder, name, """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: bindings.localstorage
                  version: v1
                  metadata:
                    - name: rootPath
                      value: "%s"
                """.formatted(name, rootPath));
    }

    /** The YAML of a component with literal metadata values, in the map's order. */
    public static String yaml(String name, String type, Map<String, String> metadata) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: %s
                  version: v1
                  metadata:
                """.formatted(name, type));
        if (metadata.isEmpty()) {
            yaml.append("    []\n");
        }
        metadata.forEach((field, value) -> yaml.append("    - name: ")
                .append(field)
                .append("\n      value: \"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n"));
        return yaml.toString();
    }

    /**
     * {@code yaml} (from {@link #yaml}) with one more metadata field, {@code field}, read from the secret {@code secret}
     * of the component's secret store {@code secretStore}.
     */
    public static String withSecret(String yaml, String field, String secret, String secretStore) {
        return yaml + """
                    - name: %s
                      secretKeyRef:
                        name: %s
                        key: %s
                auth:
                  secretStore: %s
                """.formatted(field, secret, secret, secretStore);
    }

    /** Writes {@code statestore.yaml}: the state store component of {@code type} with {@code metadata}. */
    public static Path stateStore(Path folder, String type, Map<String, String> metadata) {
        return write(folder, "statestore", yaml("statestore", type, metadata));
    }

    /** Writes {@code NAME.yaml} with the given YAML text, creating the folder. */
    public static Path write(Path folder, String name, String yaml) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
