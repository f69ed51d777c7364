package com.atlan.storage.s3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for S3 requests signed in the Authorization header. S3 paths are encoded
 * once (RFC 3986, '/' kept), never twice as other services do. The derived signing key is cached
 * per date, region and secret, so a request costs one SHA-256 and one HMAC.
 */
final class SigV4Signer {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final HexFormat HEX = HexFormat.of();
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private final String region;
    private volatile SigningKey cached;

    SigV4Signer(String region) {
        this.region = region;
    }

    /**
     * The Authorization header value.
     *
     * @param headers every header to sign, by lower-case name (host, x-amz-date and x-amz-content-sha256 included)
     * @param amzDate the request time as {@code yyyyMMdd'T'HHmmss'Z'}, also sent as x-amz-date
     */
    String authorization(
            String accessKey,
            String secretKey,
            String method,
            String canonicalPath,
            String canonicalQuery,
            SortedMap<String, String> headers,
            String payloadHash,
            String amzDate) {
        StringBuilder request = new StringBuilder(512)
                .append(method)
                .append('\n')
                .append(canonicalPath)
                .append('\n')
                .append(canonicalQuery)
                .append('\n');
        StringBuilder signed = new StringBuilder(128);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            request.append(h.getKey()).append(':').append(trimAll(h.getValue())).append('\n');
            if (!signed.isEmpty()) signed.append(';');
            signed.append(h.getKey());
        }
        request.append('\n').append(signed).append('\n').append(payloadHash);

        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/s3/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(request.toString());
        byte[] signature = signingMac(secretKey, date).doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signed + ", Signature="
                + HEX.formatHex(signature);
    }

    /** The canonical request, for tests and debugging (contains no secret). */
    static String canonicalRequest(
            String method,
            String canonicalPath,
            String canonicalQuery,
            SortedMap<String, String> headers,
            String payloadHash) {
        StringBuilder request = new StringBuilder()
                .append(method)
                .append('\n')
                .append(canonicalPath)
                .append('\n')
                .append(canonicalQuery)
                .append('\n');
        headers.forEach(
                (k, v) -> request.append(k).append(':').append(trimAll(v)).append('\n'));
        return request.append('\n')
                .append(String.join(";", headers.keySet()))
                .append('\n')
                .append(payloadHash)
                .toString();
    }

    /** An HMAC keyed with the day's signing key, ready for one message. */
    private Mac signingMac(String secretKey, String date) {
        SigningKey key = cached;
        if (key == null || !key.date.equals(date) || !key.secret.equals(secretKey)) {
            byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
            k = hmac(k, region);
            k = hmac(k, "s3");
            k = hmac(k, "aws4_request");
            key = new SigningKey(date, secretKey, keyedMac(k));
            cached = key;
        }
        return copy(key.mac);
    }

    /** A derived key's HMAC and what it was derived from; deliberately no toString. */
    private static final class SigningKey {
        final String date;
        final String secret;
        /** Keyed once, copied per request: looking up a provider and keying an HMAC cost more than copying. */
        final Mac mac;

        SigningKey(String date, String secret, Mac mac) {
            this.date = date;
            this.secret = secret;
            this.mac = mac;
        }
    }

    private static Mac keyedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a keyed, unused HMAC (the prototype itself is never updated, so copies never share state). */
    private static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 of " + prototype.getProvider() + " cannot be copied", e);
        }
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} for an epoch-millisecond time. */
    static String amzDate(long epochMillis) {
        ZonedDateTime t = java.time.Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
        char[] c = new char[16];
        put(c, 0, t.getYear(), 4);
        put(c, 4, t.getMonthValue(), 2);
        put(c, 6, t.getDayOfMonth(), 2);
        c[8] = 'T';
        put(c, 9, t.getHour(), 2);
        put(c, 11, t.getMinute(), 2);
        put(c, 13, t.getSecond(), 2);
        c[15] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--, value /= 10) c[i] = (char) ('0' + value % 10);
    }

    /** RFC 3986 encoding of UTF-8 bytes: unreserved characters kept, '/' kept when {@code keepSlash}. */
    static String uriEncode(String s, boolean keepSlash) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || (c == '/' && keepSlash)) {
                out.append((char) c);
            } else {
                out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 15]);
            }
        }
        return out.toString();
    }

    /** The canonical query string: encoded names and values sorted by name. */
    static String canonicalQuery(Map<String, String> query) {
        if (query.isEmpty()) return "";
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((k, v) -> sorted.put(uriEncode(k, false), uriEncode(v == null ? "" : v, false)));
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) ->
                out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return out.toString();
    }

    static String sha256Hex(byte[] data, int length) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 of " + SHA256.getProvider() + " cannot be copied", e);
        }
        digest.update(data, 0, length);
        return HEX.formatHex(digest.digest());
    }

    /** An unused SHA-256 digest to copy: cheaper than a provider lookup per request. */
    private static final MessageDigest SHA256 = sha256();

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return sha256Hex(bytes, bytes.length);
    }

    private static byte[] hmac(byte[] key, String data) {
        return keyedMac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** Trims and collapses runs of spaces, as canonical header values require. */
    private static String trimAll(String value) {
        String v = value.strip();
        return v.indexOf("  ") < 0 ? v : v.replaceAll(" +", " ");
    }
}
