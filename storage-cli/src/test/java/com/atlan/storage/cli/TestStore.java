package com.atlan.storage.cli;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.StoreSettings;
import com.atlan.storage.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A store an end-to-end test migrates from or to: its Dapr component type and metadata, written as a component file
 * for the command line and opened as a {@link Backend} by the test for seeding and inspection.
 */
record TestStore(String type, Map<String, String> metadata) {

    /** Writes {@code NAME.yaml} for this store into {@code components}. */
    void writeComponent(Path components, String name) {
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
        new TreeMap<>(metadata)
                .forEach((k, v) -> yaml.append("    - name: ")
                        .append(k)
                        .append("\n      value: \"")
                        .append(v)
                        .append("\"\n"));
        ComponentFiles.write(components, name, yaml.toString());
    }

    /** The store, opened outside the command line. */
    Backend open(String name) {
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            if (provider.types().contains(type)) {
                return provider.create(new StoreSettings(name, type, metadata, null, 4));
            }
        }
        throw new IllegalStateException("no provider for " + type);
    }
}
