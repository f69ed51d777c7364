package com.atlan.storage.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * JSON objects in a {@link StateBackend}, changed by read, change, conditional write: when another writer got in
 * between, the change is applied again to what it wrote, so concurrent writers never lose each other's updates.
 */
public final class StateDocuments {

    /** Attempts of one update before giving up on a key other writers keep changing. */
    static final int MAX_ATTEMPTS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateDocuments() {}

    /**
     * The JSON object under {@code key}; an empty object when the key holds nothing.
     *
     * @throws StateStoreException when the store fails or the key holds something that is not a JSON object
     */
    public static ObjectNode read(StateBackend backend, String key) {
        return parse(backend, backend.get(key));
    }

    /**
     * Applies {@code change} to the JSON object under {@code key} (an empty one when absent) and writes the result
     * if nobody wrote in between; otherwise reads again and repeats.
     *
     * @param change gets a copy it may modify; may run several times, so it must not have side effects
     * @return the object written
     * @throws StateStoreException when the store fails, or other writers changed the key at every attempt
     */
    public static ObjectNode update(StateBackend backend, String key, UnaryOperator<ObjectNode> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<StateEntry> current = backend.get(key);
            ObjectNode changed = change.apply(parse(backend, current));
            if (backend.put(key, write(changed), Condition.unchangedSince(current))
                    .isPresent()) {
                return changed;
            }
            pause(attempt);
        }
        throw new StateStoreException(backend.describe() + ": gave up writing '" + key + "' after " + MAX_ATTEMPTS
                + " attempts; other writers changed it each time");
    }

    /** {@code value} as JSON text. */
    public static String write(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write state as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} (a map, record, JSON node, string, number...) as a JSON node. */
    public static JsonNode toJson(Object value) {
        try {
            return JSON.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot store a " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static ObjectNode parse(StateBackend backend, Optional<StateEntry> entry) {
        if (entry.isEmpty()) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(entry.get().value());
        } catch (JsonProcessingException e) {
            throw new StateStoreException(
                    backend.describe() + ": '" + entry.get().key() + "' holds text that is not JSON ("
                            + e.getOriginalMessage() + "); refusing to treat it as empty");
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new StateStoreException(backend.describe() + ": '" + entry.get().key() + "' holds a JSON "
                + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object");
    }

    /** Backs off a random 0..2^attempt ms (at most 64 ms) so contending writers spread out. */
    private static void pause(int attempt) {
        long bound = 1L << Math.min(attempt, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("interrupted while retrying a state write", e);
        }
    }
}
