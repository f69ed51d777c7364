package com.atlan.storage.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * The errors every backend raises in the same words: interrupted waits, sources that end early or fail, bytes that do
 * not have the hash their source declared, and servers that recorded something other than what was sent. A backend's
 * own error mapper extends it with what its service answers. Messages name the store, the key and the bucket or
 * container ({@code place}); never a credential.
 */
public class StoreErrors {

    /** The store's name, as messages and exceptions carry it. */
    protected final String store;

    private final String place;

    /**
     * @param store the store's (component's) name
     * @param place where in the service the store lives, for messages, e.g. {@code bucket 'b'}
     */
    protected StoreErrors(String store, String place) {
        this.store = store;
        this.place = place;
    }

    /** The store's name. */
    public final String store() {
        return store;
    }

    /** {@code operation 'key' in store (place)}, the subject of a message; {@code key} may be {@code null}. */
    public final String describe(String operation, String key) {
        return operation + (key == null ? "" : " '" + key + "'") + " in " + store + " (" + place + ")";
    }

    /** The error for a thread interrupted while waiting on {@code operation}; the interrupt flag is kept. */
    public final TransientStorageException interrupted(String operation, String key, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TransientStorageException(store, key, describe(operation, key) + " was interrupted", e);
    }

    /** The error for a source stream that ended after {@code read} of {@code expected} bytes. */
    public final IntegrityException shortSource(String key, long read, long expected) {
        return new IntegrityException(
                store,
                key,
                "source ended after " + read + " of " + expected + " bytes while writing '" + key + "' to " + store
                        + "; nothing was written");
    }

    /** The error for a source stream that failed after {@code offset} bytes while writing {@code key}. */
    public final TransientStorageException sourceFailed(String key, long offset, IOException e) {
        return new TransientStorageException(
                store, key, "reading the source of '" + key + "' failed after " + offset + " bytes: " + e, e);
    }

    /**
     * Reads the next {@code size} bytes of the source being written as {@code key} into {@code buffer}, {@code offset}
     * of its {@code length} bytes having been read before.
     *
     * @throws TransientStorageException when the source fails ({@link #sourceFailed})
     * @throws IntegrityException when it ends early ({@link #shortSource})
     */
    public final void readSource(String key, InputStream data, byte[] buffer, int size, long offset, long length) {
        int read;
        try {
            read = data.readNBytes(buffer, 0, size);
        } catch (IOException e) {
            throw sourceFailed(key, offset, e);
        }
        if (read < size) {
            throw shortSource(key, offset + read, length);
        }
    }

    /**
     * The error for bytes whose {@code kind} hash is not the one their source declared; {@code outcome} says what
     * became of the write (e.g. {@code nothing was written}). Retryable: another read may bring the bytes intact.
     */
    public final IntegrityException notTheDeclared(
            String key, String kind, String actual, String declared, String outcome) {
        return IntegrityException.inTransit(
                store,
                key,
                "the bytes read for '" + key + "' have " + kind + " " + actual + ", but its source declared " + declared
                        + "; " + outcome);
    }

    /** The error for a server that recorded {@code recorded} as {@code what} where {@code sent} was sent. */
    public final IntegrityException mismatch(String key, String what, String sent, String recorded) {
        return new IntegrityException(store, key, mismatchMessage(key, what, sent, recorded));
    }

    /** {@link #mismatch(String, String, String, String)}, saying what became of the object. */
    public final IntegrityException mismatch(String key, String what, String sent, String recorded, String outcome) {
        return new IntegrityException(store, key, mismatchMessage(key, what, sent, recorded) + "; " + outcome);
    }

    private String mismatchMessage(String key, String what, String sent, String recorded) {
        return "writing '" + key + "' to " + store + ": " + what + " is " + recorded + " on the server but " + sent
                + " locally";
    }

    /** The first line of {@code message}; empty for none. Service messages run to pages of XML or JSON. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
