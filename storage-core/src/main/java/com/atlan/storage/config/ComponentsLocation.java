package com.atlan.storage.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the components were loaded from, and why that place was chosen.
 *
 * @param origin which rule picked the place
 * @param folder the absolute folder, empty for the embedded default
 */
public record ComponentsLocation(Origin origin, Optional<Path> folder) {

    /** The rules, in the order they are tried. */
    public enum Origin {
        /** The folder given by the caller ({@code --components DIR}). */
        OPTION("--components"),
        /** The folder named by {@value StorageConfiguration#COMPONENTS_ENV}. */
        ENVIRONMENT(StorageConfiguration.COMPONENTS_ENV),
        /** {@code ./components} in the working directory. */
        WORKING_DIRECTORY("./components in the working directory"),
        /** The components shipped in storage-core. */
        EMBEDDED_DEFAULT("the embedded default");

        private final String label;

        Origin(String label) {
            this.label = label;
        }
    }

    public ComponentsLocation {
        Objects.requireNonNull(origin, "origin");
        folder = folder == null ? Optional.empty() : folder;
        if (folder.isEmpty() != (origin == Origin.EMBEDDED_DEFAULT)) {
            throw new IllegalArgumentException("only the embedded default has no folder: " + origin);
        }
    }

    /** For messages: {@code folder /x/components (from ATLAN_STORAGE_COMPONENTS)} or the embedded default. */
    public String describe() {
        return folder.map(f -> "folder " + f + " (from " + origin.label + ")")
                .orElse("the embedded default components (no --components, no " + StorageConfiguration.COMPONENTS_ENV
                        + ", no ./components folder)");
    }

    @Override
    public String toString() {
        return describe();
    }
}
