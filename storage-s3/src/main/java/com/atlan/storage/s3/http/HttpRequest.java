package com.atlan.storage.s3.http;

import java.util.List;

/**
 * One HTTP/1.1 request: {@code target} is the already encoded path and query, {@code headers} are
 * name/value pairs in sending order (without Host, Content-Length or Connection, which the pool adds).
 *
 * @param body the body bytes (may be {@code null} for none); only {@code bodyLength} of them are sent
 */
public record HttpRequest(String method, String target, List<String[]> headers, byte[] body, int bodyLength) {

    /** Whether the response has no body whatever its headers say. */
    boolean isHead() {
        return "HEAD".equals(method);
    }
}
