package com.atlan.storage.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The answers the proxy gives itself for a status fault or a throttled request, in the dialect of the server
 * behind it: S3's error XML, or Azure's when the request carries {@code x-ms-version}. Both put a {@code Code} and
 * a {@code Message} in an {@code Error} element.
 */
final class ErrorResponses {

    private ErrorResponses() {}

    /** The whole response: head, and a body unless the request was a HEAD. */
    static byte[] answer(Fault fault, MessageHead request, Duration retryAfter, boolean close, long requestId) {
        boolean azure = request.header("x-ms-version") != null;
        int status = fault.status();
        String reason;
        String code;
        String message;
        switch (fault) {
            case SLOW_DOWN_503 -> {
                reason = "Service Unavailable";
                code = azure ? "ServerBusy" : "SlowDown";
                message = azure
                        ? "The server is busy (injected by the fault proxy)."
                        : "Please reduce your request rate (injected by the fault proxy).";
            }
            case TOO_MANY_REQUESTS_429 -> {
                reason = "Too Many Requests";
                code = "TooManyRequests";
                message = "Too many requests (injected by the fault proxy).";
            }
            default -> {
                reason = "Internal Server Error";
                code = "InternalError";
                message = "We encountered an internal error. Please try again (injected by the fault proxy).";
            }
        }
        String id = "faultproxy-" + requestId;
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>" + id + "</RequestId></Error>";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason)
                .append("\r\n")
                .append("Content-Type: application/xml\r\n")
                .append("Content-Length: ")
                .append(bodyBytes.length)
                .append("\r\n")
                .append(azure ? "x-ms-request-id: " : "x-amz-request-id: ")
                .append(id)
                .append("\r\n");
        if (status != 500) {
            head.append("Retry-After: ")
                    .append(Math.max(0, (retryAfter.toMillis() + 999) / 1000))
                    .append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (request.method().equals("HEAD")) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }
}
