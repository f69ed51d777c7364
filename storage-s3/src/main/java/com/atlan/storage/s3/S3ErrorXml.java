package com.atlan.storage.s3;

import java.nio.charset.StandardCharsets;

/**
 * The code and message of an S3 XML error body ({@code <Error><Code>..</Code><Message>..</Message>}),
 * found by plain text search: the body is small and its shape fixed, so no XML parser is needed.
 *
 * @param code    the S3 error code, or {@code null} when the body has none
 * @param message the server's message, or {@code null}
 */
record S3ErrorXml(String code, String message) {

    static final S3ErrorXml NONE = new S3ErrorXml(null, null);

    static S3ErrorXml parse(byte[] body) {
        if (body == null || body.length == 0) return NONE;
        String xml = new String(body, StandardCharsets.UTF_8);
        return new S3ErrorXml(element(xml, "Code"), element(xml, "Message"));
    }

    /** The unescaped text of the first {@code <name>} element of a small XML document, or {@code null}. */
    static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        if (start < 0) return null;
        start += name.length() + 2;
        int end = xml.indexOf("</" + name + ">", start);
        if (end < 0) return null;
        return unescape(xml.substring(start, end).strip());
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) return s;
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
