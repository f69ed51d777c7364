package com.atlan.storage.state;

import java.util.Objects;

/** When a write or delete in a {@link StateBackend} may happen. */
public sealed interface Condition {

    /** Always. */
    record Always() implements Condition {}

    /** Only when the key holds no value. */
    record Absent() implements Condition {}

    /** Only when the key still holds the value read at {@code version}. */
    record Version(String version) implements Condition {
        public Version {
            Objects.requireNonNull(version, "version");
        }
    }

    /** Unconditionally. */
    static Condition always() {
        return new Always();
    }

    /** Only when the key holds no value. */
    static Condition absent() {
        return new Absent();
    }

    /** Only when the key still holds the value read at {@code version}. */
    static Condition version(String version) {
        return new Version(version);
    }

    /** {@link #version} of {@code entry}'s version, or {@link #absent} when there was no entry. */
    static Condition unchangedSince(java.util.Optional<StateEntry> entry) {
        return entry.<Condition>map(e -> new Version(e.version())).orElseGet(Absent::new);
    }
}
