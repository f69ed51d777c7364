package com.atlan.storage.store;

import java.net.URI;
import java.util.Locale;

/**
 * Endpoint URLs as components give them and as "same store?" checks compare them: one parser with one error for every
 * backend, and one canonical spelling of a server.
 */
public final class Endpoints {

    private Endpoints() {}

    /**
     * The http(s) URL of metadata {@code endpoint} of component {@code store}, with its scheme in lower case (RFC 3986
     * schemes are case-insensitive; everything downstream compares them in lower case); a value without a scheme gets
     * {@code defaultScheme}.
     *
     * @throws StorageConfigException naming the component and the value when it is no http(s) URL with a host
     */
    public static URI parse(String store, String value, String defaultScheme) {
        String v = value.contains("://") ? value : defaultScheme + "://" + value;
        try {
            URI uri = URI.create(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("no http(s) host");
            }
            return scheme.equals(uri.getScheme())
                    ? uri
                    : URI.create(scheme + v.substring(uri.getScheme().length()));
        } catch (IllegalArgumentException e) {
            throw new StorageConfigException(
                    "component '" + store + "' metadata 'endpoint' is not an http(s) URL: '" + value + "'");
        }
    }

    /** {@link #parse} as text without a trailing slash, for SDKs that append paths to a base URL. */
    public static String parseBase(String store, String value, String defaultScheme) {
        String text = parse(store, value, defaultScheme).toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The server {@code url} names, spelled canonically: scheme and host in lower case, the default port made explicit,
     * and every loopback name ({@code localhost}, {@code 127.x.x.x}, {@code ::1}) as {@code 127.0.0.1}; no path.
     */
    public static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")) {
            host = "127.0.0.1";
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }
}
