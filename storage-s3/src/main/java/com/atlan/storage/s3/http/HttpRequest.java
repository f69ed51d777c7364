package com.atlan.storage.s3.http;

import java.io.InputStream;
import java.util.List;

/**
 * One HTTP/1.1 request: {@code target} is the already encoded path and query, {@code headers} are
 * name/value pairs in sending order (without Host, Content-Length or Connection, which the pool adds).
 * The body is either bytes in memory, which can be sent again, or a stream, which is read once.
 *
 * @param body         the body bytes (may be {@code null} for none); only {@code bodyLength} of them are sent
 * @param stream       a body read as it is sent, or {@code null}; exactly {@code streamLength} bytes are read
 * @param streamLength how many bytes of {@code stream} make the body
 */
public record HttpRequest(
        String method,
        String target,
        List<String[]> headers,
        byte[] body,
        int bodyLength,
        InputStream stream,
        long streamLength) {

    /** A request with its body (or none, for {@code null}) in memory. */
    public HttpRequest(String method, String target, List<String[]> headers, byte[] body, int bodyLength) {
        this(method, target, headers, body, bodyLength, null, 0);
    }

    /** A request whose body is the next {@code length} bytes of {@code stream}; it can be sent only once. */
    public static HttpRequest streamed(
            String method, String target, List<String[]> headers, InputStream stream, long length) {
        return new HttpRequest(method, target, headers, null, 0, stream, length);
    }

    /** Whether the request can be sent again after a failure: its body, if any, is in memory. */
    public boolean replayable() {
        return stream == null;
    }

    /** The number of body bytes. */
    long contentLength() {
        return stream != null ? streamLength : body == null ? 0 : bodyLength;
    }

    /** Whether the response has no body whatever its headers say. */
    boolean isHead() {
        return "HEAD".equals(method);
    }
}
