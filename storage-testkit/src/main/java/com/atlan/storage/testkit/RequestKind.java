package com.atlan.storage.testkit;

import java.util.Locale;

/** What a request does, as far as the proxy can tell from its method, target and headers. */
public enum RequestKind {
    /** A listing: GET with {@code list-type}, {@code prefix}, {@code delimiter}, {@code uploads}, {@code comp=list}... */
    LIST,
    /** Any other GET: reading an object. */
    GET,
    /** HEAD: an object's metadata. */
    HEAD,
    /** PUT without a copy source: a write or an uploaded part. */
    PUT,
    /** POST: creating or completing a multipart upload, a batch delete. */
    POST,
    /** DELETE: an object or an aborted upload. */
    DELETE,
    /** PUT with {@code x-amz-copy-source} (or Azure's {@code x-ms-copy-source}): a server-side copy. */
    COPY,
    /** Any other method. */
    OTHER;

    /**
     * Classifies a request.
     *
     * @param method        the request method
     * @param target        the request target (path and query)
     * @param copySourceSet whether an {@code x-amz-copy-source} or {@code x-ms-copy-source} header is present
     */
    public static RequestKind classify(String method, String target, boolean copySourceSet) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET" -> isListing(target) ? LIST : GET;
            case "HEAD" -> HEAD;
            case "PUT" -> copySourceSet ? COPY : PUT;
            case "POST" -> POST;
            case "DELETE" -> DELETE;
            default -> OTHER;
        };
    }

    private static boolean isListing(String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return false;
        }
        for (String parameter : target.substring(q + 1).split("&", -1)) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            String value = eq < 0 ? "" : parameter.substring(eq + 1);
            switch (name) {
                case "list-type", "prefix", "delimiter", "continuation-token", "marker", "start-after", "uploads" -> {
                    return true;
                }
                case "comp" -> {
                    if (value.equals("list") || value.equals("blocklist")) {
                        return true;
                    }
                }
                default -> {
                    // not a listing parameter
                }
            }
        }
        return false;
    }
}
