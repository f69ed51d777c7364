package com.atlan.storage.config;

import java.util.Objects;

/**
 * The value of one {@code spec.metadata} entry of a Dapr component, as written in the file:
 * either a literal or a reference to a secret. Neither form prints a value in its {@code toString()}.
 */
public sealed interface MetadataValue {

    /**
     * A literal {@code value:}. The text is kept exactly as written (YAML {@code true} or {@code 0123}
     * stay strings); an entry with neither {@code value} nor {@code secretKeyRef} is an empty literal.
     */
    record Literal(String value) implements MetadataValue {

        public Literal {
            value = value == null ? "" : value;
        }

        /** Hides the value: literals hold access keys too. */
        @Override
        public String toString() {
            return "Literal[***]";
        }
    }

    /**
     * A {@code secretKeyRef: {name, key}}: the secret {@code name}, and the {@code key} within it
     * ({@code key} defaults to {@code name}, as in Dapr).
     */
    record SecretKeyRef(String name, String key) implements MetadataValue {

        public SecretKeyRef {
            Objects.requireNonNull(name, "name");
            key = key == null || key.isBlank() ? name : key;
        }

        /** How the reference is written, for messages: {@code secretKeyRef{name=A}} or {@code secretKeyRef{name=A, key=B}}. */
        public String describe() {
            return key.equals(name)
                    ? "secretKeyRef{name=" + name + "}"
                    : "secretKeyRef{name=" + name + ", key=" + key + "}";
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
