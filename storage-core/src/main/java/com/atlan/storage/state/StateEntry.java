package com.atlan.storage.state;

import java.util.Objects;

/**
 * One value in a state store with the version it was read at.
 *
 * @param key     the key
 * @param value   the stored text (a JSON document for everything atlan-storage writes)
 * @param version an opaque marker that changes with every write; pass it back in {@link Condition#version} to
 *                write only if nobody wrote in between
 */
public record StateEntry(String key, String value, String version) {

    public StateEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(version, "version");
    }

    /** Names the key and version, never the value (state may hold credentials). */
    @Override
    public String toString() {
        return "StateEntry[key=" + key + ", version=" + version + ", " + value.length() + " chars]";
    }
}
