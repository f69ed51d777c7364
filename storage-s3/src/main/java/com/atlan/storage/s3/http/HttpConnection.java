package com.atlan.storage.s3.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One open HTTP/1.1 connection: writes requests, reads response heads, and buffers the socket input
 * itself (no per-byte locking) for the response body readers.
 */
final class HttpConnection implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;
    /** The piece size in which request bodies are written to the socket. */
    private static final int CHUNK = 64 * 1024;
    /** Bodies this large are sent only after the server's 100 Continue: a refusal then costs no upload. */
    static final long EXPECT_CONTINUE_FROM = 1024 * 1024;
    /** How long to wait for 100 Continue before sending the body anyway, as servers without it expect. */
    static final int CONTINUE_WAIT_MILLIS = 3_000;
    /** The most header lines one response may have (S3 sends a few dozen at most, user metadata included). */
    static final int MAX_HEADERS = 200;
    /** The most bytes one response head may have (S3 limits user metadata to 2 KiB). */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** The most interim (1xx) responses before the final one. */
    static final int MAX_INTERIM = 8;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    /** Allocated on the first streamed body: most connections only ever send small bodies or none. */
    private byte[] chunk;

    private int pos;
    private int lim;
    private boolean responseStarted;
    /** {@code System.nanoTime()} when the current socket write began, 0 when none is in progress. */
    private volatile long writingSince;

    private int uses;
    private long idleSince;

    HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** How many requests this connection has carried before the current one. */
    int uses() {
        return uses;
    }

    /** Whether any byte of the current response has arrived. */
    boolean responseStarted() {
        return responseStarted;
    }

    long idleSince() {
        return idleSince;
    }

    void markIdle(long nanos) {
        idleSince = nanos;
    }

    /**
     * Sends the request line, headers and body in as few writes as the sizes allow. A body of
     * {@link #EXPECT_CONTINUE_FROM} bytes or more is announced with {@code Expect: 100-continue} and sent only
     * once the server says so (or stays silent for {@link #CONTINUE_WAIT_MILLIS}): a server refusing the request
     * (403, 400...) answers at once, and its answer is returned here instead of being lost to a connection
     * the server resets while the body is still flowing.
     *
     * @return the server's final answer when it came before the body was sent, else {@code null}
     */
    Head write(HttpRequest request, String host, String targetPrefix) throws IOException {
        uses++;
        responseStarted = false;
        StringBuilder head = new StringBuilder(512)
                .append(request.method())
                .append(' ')
                .append(targetPrefix)
                .append(request.target())
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\n");
        for (String[] h : request.headers()) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        long length = request.contentLength();
        if (length > 0 || (!"GET".equals(request.method()) && !request.isHead())) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        boolean expectContinue = length >= EXPECT_CONTINUE_FROM;
        if (expectContinue) {
            head.append("Expect: 100-continue\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (request.stream() == null && length > 0 && headBytes.length + length <= CHUNK) {
            byte[] all = new byte[headBytes.length + (int) length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(request.body(), 0, all, headBytes.length, (int) length);
            send(all, 0, all.length);
        } else {
            send(headBytes, 0, headBytes.length);
            if (expectContinue) {
                out.flush();
                Head early = awaitContinue();
                if (early != null) return early;
            }
            if (request.stream() != null) {
                copyBody(request.stream(), length);
            } else if (length > 0) {
                send(request.body(), 0, (int) length);
            }
        }
        out.flush();
        return null;
    }

    /**
     * Waits for the answer to {@code Expect: 100-continue}: {@code null} to send the body (100 Continue, or
     * silence for {@link #CONTINUE_WAIT_MILLIS}, after which a client may go ahead), or the final answer.
     */
    private Head awaitContinue() throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(CONTINUE_WAIT_MILLIS);
        try {
            if (pos == lim && fill() < 0) {
                throw new EOFException("the server closed the connection instead of answering");
            }
        } catch (java.net.SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(timeout);
        }
        Head head = readOneHead();
        return head.status() == 100 ? null : head;
    }

    /** Writes in pieces of at most {@link #CHUNK}, each timed for the {@link WriteWatchdog}. */
    private void send(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len; ) {
            int n = Math.min(CHUNK, len - done);
            writingSince = System.nanoTime();
            try {
                out.write(b, off + done, n);
            } finally {
                writingSince = 0;
            }
            done += n;
        }
    }

    /** Whether one socket write has been in progress since before {@code deadline} (a {@code nanoTime}). */
    boolean writingSinceBefore(long deadline) {
        long since = writingSince;
        return since != 0 && since - deadline < 0;
    }

    /**
     * Copies exactly {@code length} bytes of a streamed body to the socket through one reused chunk. A
     * stream that ends early fails the request (the server would wait for the missing bytes); whatever the
     * stream itself throws propagates unchanged, and the pool then discards this half-written connection.
     */
    private void copyBody(InputStream body, long length) throws IOException {
        if (chunk == null) chunk = new byte[CHUNK];
        long left = length;
        while (left > 0) {
            int n = body.read(chunk, 0, (int) Math.min(CHUNK, left));
            if (n < 0) {
                throw new EOFException("the request body ended after " + (length - left) + " of " + length + " bytes");
            }
            send(chunk, 0, n);
            left -= n;
        }
    }

    /** Reads a status line and headers, skipping at most {@link #MAX_INTERIM} interim (1xx) responses. */
    Head readHead() throws IOException {
        for (int interim = 0; ; interim++) {
            Head head = readOneHead();
            int code = head.status();
            if (code >= 100 && code < 200) {
                if (code == 101 || interim >= MAX_INTERIM) {
                    throw new IOException("unexpected interim responses (HTTP " + code + ")");
                }
                continue;
            }
            return head;
        }
    }

    /** Reads one status line and its headers, interim (1xx) or final. */
    private Head readOneHead() throws IOException {
        String status = readLine();
        if (status.length() < 12 || !status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + abbreviate(status));
        }
        int code;
        try {
            code = Integer.parseInt(status, 9, 12, 10);
        } catch (NumberFormatException e) {
            throw new IOException("bad status line: " + abbreviate(status));
        }
        if (code < 100 || code > 599) {
            throw new IOException("bad status line: " + abbreviate(status));
        }
        Map<String, String> headers = new HashMap<>();
        int count = 0;
        int bytes = status.length();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            bytes += line.length() + 2;
            if (++count > MAX_HEADERS || bytes > MAX_HEAD_BYTES) {
                throw new IOException(
                        "response head too large (over " + MAX_HEADERS + " lines or " + MAX_HEAD_BYTES + " bytes)");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                String before = headers.putIfAbsent(name, value);
                if (before != null && name.equals("content-length") && !before.equals(value)) {
                    throw new IOException("conflicting Content-Length headers");
                }
            }
        }
        return new Head(code, status.charAt(7) == '1', headers);
    }

    /** A status, whether the server speaks HTTP/1.1, and headers by lower-case name. */
    record Head(int status, boolean http11, Map<String, String> headers) {}

    /** One line without its CR LF; EOF before it is an error. */
    String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == lim && fill() < 0) {
                throw new EOFException("connection closed by the server");
            }
            int start = pos;
            while (pos < lim && buf[pos] != '\n') pos++;
            boolean complete = pos < lim;
            String part = new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
            if (complete) pos++;
            line = line == null ? new StringBuilder(part) : line.append(part);
            if (complete) {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') line.setLength(n - 1);
                return line.toString();
            }
            if (line.length() > MAX_HEAD_BYTES) throw new IOException("response header line too long");
        }
    }

    /** Reads up to {@code len} bytes, or -1 at the end of the stream. */
    int read(byte[] b, int off, int len) throws IOException {
        if (pos == lim) {
            if (len >= BUFFER) {
                int n = in.read(b, off, len); // large reads bypass the buffer
                if (n > 0) responseStarted = true;
                return n;
            }
            if (fill() < 0) return -1;
        }
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    int read() throws IOException {
        if (pos == lim && fill() < 0) return -1;
        return buf[pos++] & 0xff;
    }

    private int fill() throws IOException {
        pos = 0;
        lim = 0;
        int n = in.read(buf, 0, BUFFER);
        if (n > 0) {
            lim = n;
            responseStarted = true;
        }
        return n;
    }

    /**
     * Whether an idle connection can no longer carry a request: the server closed it (end of stream) or sent bytes
     * nobody asked for. Costs one read with a 1 ms timeout, so the pool asks only of connections idle a while.
     */
    boolean isStale() {
        if (pos < lim) return true;
        try {
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
            try {
                int unused = fill(); // end of stream (closed) or bytes nobody asked for: either way not reusable
                return true;
            } catch (java.net.SocketTimeoutException e) {
                return false; // nothing to read: the connection is open and quiet
            } finally {
                socket.setSoTimeout(timeout);
            }
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether bytes arrived that no request asked for: a sign the connection is not in a clean state. */
    boolean hasUnreadBytes() {
        return pos < lim;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do about a failing close
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
