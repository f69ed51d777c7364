package com.atlan.storage.testkit;

import java.net.ProtocolException;

/**
 * How a message body is delimited (RFC 9112 section 6).
 *
 * @param kind   none, a fixed length, chunked, or until the connection closes
 * @param length the length of a {@link Kind#FIXED} body
 */
record BodyFraming(Kind kind, long length) {

    enum Kind {
        NONE,
        FIXED,
        CHUNKED,
        UNTIL_CLOSE
    }

    static final BodyFraming NONE = new BodyFraming(Kind.NONE, 0);

    /** A request has a body only if it says so with Transfer-Encoding or Content-Length. */
    static BodyFraming ofRequest(MessageHead head) throws ProtocolException {
        if (head.hasToken("Transfer-Encoding", "chunked")) {
            return new BodyFraming(Kind.CHUNKED, -1);
        }
        return fixed(head);
    }

    /** A response's body, given the method of the request it answers. */
    static BodyFraming ofResponse(MessageHead head, String requestMethod) throws ProtocolException {
        int status = head.status();
        if (requestMethod.equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return NONE;
        }
        if (head.hasToken("Transfer-Encoding", "chunked")) {
            return new BodyFraming(Kind.CHUNKED, -1);
        }
        return head.header("Content-Length") == null ? new BodyFraming(Kind.UNTIL_CLOSE, -1) : fixed(head);
    }

    private static BodyFraming fixed(MessageHead head) throws ProtocolException {
        String value = head.header("Content-Length");
        if (value == null) {
            return NONE;
        }
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new ProtocolException("negative Content-Length " + value);
            }
            return n == 0 ? NONE : new BodyFraming(Kind.FIXED, n);
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad Content-Length " + value);
        }
    }

    /** Whether there are body bytes to relay (a chunked body may still turn out empty). */
    boolean present() {
        return kind != Kind.NONE;
    }
}
