package com.atlan.storage.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One GET over a raw socket, for what an HTTP client library hides: whether a body ended early with a clean end of
 * stream or a reset, and whether bytes stop arriving.
 *
 * @param head     the response head (empty if none arrived)
 * @param body     the body bytes that arrived
 * @param ending   how reading stopped
 */
record RawExchange(String head, byte[] body, Ending ending) {

    enum Ending {
        /** the declared Content-Length arrived */
        COMPLETE,
        /** the connection ended cleanly (FIN) before the body did */
        END_OF_STREAM,
        /** the connection was reset */
        RESET,
        /** nothing more arrived within the read timeout */
        TIMED_OUT
    }

    /** Sends {@code GET path} to {@code port} and reads the answer, waiting at most {@code timeoutMs} per read. */
    static RawExchange get(int port, String path, int timeoutMs) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        return new RawExchange(head.toString(), body.toByteArray(), Ending.END_OF_STREAM);
                    }
                    head.append((char) b);
                }
                long length = contentLength(head.toString());
                byte[] buffer = new byte[8192];
                while (body.size() < length) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - body.size()));
                    if (n < 0) {
                        return new RawExchange(head.toString(), body.toByteArray(), Ending.END_OF_STREAM);
                    }
                    body.write(buffer, 0, n);
                }
                return new RawExchange(head.toString(), body.toByteArray(), Ending.COMPLETE);
            } catch (SocketTimeoutException e) {
                return new RawExchange(head.toString(), body.toByteArray(), Ending.TIMED_OUT);
            } catch (IOException e) {
                return new RawExchange(head.toString(), body.toByteArray(), Ending.RESET);
            }
        }
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n", -1)) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    /** The Content-Length the head declared. */
    long declaredLength() {
        return contentLength(head);
    }
}
