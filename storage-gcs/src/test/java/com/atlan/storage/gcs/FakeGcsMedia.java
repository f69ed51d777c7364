package com.atlan.storage.gcs;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Object bytes in and out of {@link FakeGcsServer}: media downloads with ranges, multipart upload bodies. */
final class FakeGcsMedia {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private FakeGcsMedia() {}

    /** Answers {@code ?alt=media}: the bytes as stored, or the {@code Range} of them (416 past the end). */
    static void send(HttpExchange exchange, FakeGcsObjects.Stored stored) throws IOException {
        byte[] data = stored.data();
        var headers = exchange.getResponseHeaders();
        headers.add("x-goog-generation", Long.toString(stored.generation()));
        headers.add("x-goog-metageneration", "1");
        headers.add("x-goog-hash", "crc32c=" + stored.crc32c() + ",md5=" + stored.md5());
        headers.add("x-goog-stored-content-length", Long.toString(data.length));
        String encoding = stored.metadata().path("contentEncoding").asText("identity");
        headers.add("x-goog-stored-content-encoding", encoding);
        headers.add("Content-Type", stored.metadata().path("contentType").asText("application/octet-stream"));
        if (!encoding.equals("identity")) {
            headers.add("Content-Encoding", encoding); // served as stored: the backend asks for raw bytes
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range == null) {
            exchange.sendResponseHeaders(200, data.length == 0 ? -1 : data.length);
            exchange.getResponseBody().write(data);
            return;
        }
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            FakeGcsServer.error(exchange, 501, "notImplemented", "FakeGcsServer does not implement Range " + range);
            return;
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? data.length - 1 : Math.min(Long.parseLong(m.group(2)), data.length - 1);
        if (first >= data.length) {
            headers.add("Content-Range", "bytes */" + data.length);
            FakeGcsServer.error(
                    exchange, 416, "requestedRangeNotSatisfiable", "The requested range cannot be satisfied.");
            return;
        }
        byte[] slice = Arrays.copyOfRange(data, (int) first, (int) last + 1);
        headers.add("Content-Range", "bytes " + first + "-" + last + "/" + data.length);
        exchange.sendResponseHeaders(206, slice.length);
        exchange.getResponseBody().write(slice);
    }

    /** The two parts of a {@code multipart/related} upload: the object resource and the media. */
    record Multipart(byte[] json, byte[] media) {}

    static Multipart multipart(String contentType, byte[] body) {
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType == null ? "" : contentType);
        if (!b.find()) {
            throw new IllegalArgumentException("no multipart boundary in " + contentType);
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int first = indexOf(body, delimiter, 0);
        int second = indexOf(body, delimiter, first + delimiter.length);
        int third = indexOf(body, delimiter, second + delimiter.length);
        if (first < 0 || second < 0 || third < 0) {
            throw new IllegalArgumentException("a multipart upload needs two parts");
        }
        return new Multipart(
                content(body, first + delimiter.length, second), content(body, second + delimiter.length, third));
    }

    /** A part's bytes: after its blank line, up to the CRLF before the next delimiter. */
    private static byte[] content(byte[] body, int start, int end) {
        byte[] blank = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int headersEnd = indexOf(body, blank, start);
        int from = headersEnd + blank.length;
        int to = end - 2; // the CRLF that precedes a delimiter
        return Arrays.copyOfRange(body, from, Math.max(from, to));
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
