package com.atlan.storage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
