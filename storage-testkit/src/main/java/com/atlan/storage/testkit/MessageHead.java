package com.atlan.storage.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start line and header lines of one HTTP/1.1 message, kept verbatim (order, case and spacing) so that
 * forwarding it changes nothing a signature covers.
 */
record MessageHead(String startLine, List<String> headerLines) {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 500;

    /** Reads a head; {@code null} when the stream ends cleanly before its first byte. */
    static MessageHead read(InputStream in) throws IOException {
        String start = readLine(in, true);
        if (start == null) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            if (headers.size() == MAX_HEADERS) {
                throw new ProtocolException("more than " + MAX_HEADERS + " header lines");
            }
            headers.add(line);
        }
        return new MessageHead(start, List.copyOf(headers));
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1; {@code null} at a clean end if {@code eofAllowed}. */
    static String readLine(InputStream in, boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside an HTTP head");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (line.size() == MAX_LINE) {
                throw new ProtocolException("HTTP head line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /** The request method (of a request head). */
    String method() {
        int sp = startLine.indexOf(' ');
        return sp < 0 ? startLine : startLine.substring(0, sp);
    }

    /** The request target (of a request head). */
    String target() {
        String[] parts = startLine.split(" ", 3);
        return parts.length > 1 ? parts[1] : "";
    }

    /** The status code (of a response head). */
    int status() throws ProtocolException {
        String[] parts = startLine.split(" ", 3);
        try {
            return Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw new ProtocolException("not an HTTP status line: " + startLine);
        }
    }

    /** Whether the message speaks HTTP/1.0, whose connections close unless kept alive explicitly. */
    boolean isHttp10() {
        return startLine.startsWith("HTTP/1.0") || startLine.endsWith("HTTP/1.0");
    }

    /** The first value of header {@code name} (case-insensitive), trimmed; {@code null} if absent. */
    String header(String name) {
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** Whether any value of header {@code name} lists {@code token} (comma-separated, case-insensitive). */
    boolean hasToken(String name, String token) {
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                for (String t : line.substring(colon + 1).split(",", -1)) {
                    if (t.trim().toLowerCase(Locale.ROOT).equals(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The head as it goes on the wire, ending with the empty line. */
    byte[] encode() {
        StringBuilder s = new StringBuilder(startLine.length() + 32 * headerLines.size()).append(startLine);
        s.append("\r\n");
        for (String line : headerLines) {
            s.append(line).append("\r\n");
        }
        return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
