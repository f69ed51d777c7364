package com.atlan.storage.s3.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A response whose head has been read. The {@link #body()} must be read to the end or closed: that is
 * what gives the connection back to the pool (or discards it when closed early).
 *
 * @param headers header values by lower-case name (the last one wins for repeated names)
 */
public record HttpResponse(int status, Map<String, String> headers, InputStream body) implements AutoCloseable {

    /** A header by lower-case name, or {@code null}. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** Reads the whole body, at most {@code limit} bytes (the rest is discarded with the connection). */
    public byte[] readBody(int limit) throws IOException {
        try (InputStream in = body) {
            return in.readNBytes(limit);
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
