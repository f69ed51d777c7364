package com.atlan.storage.s3.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Large bodies go out with {@code Expect: 100-continue}, against a scripted server: a refusal sent before
 * the body (as S3 answers a denied PUT) comes back as the response, not as a reset connection, and no body
 * is sent; a server that says 100 Continue, or nothing at all, gets the body.
 */
class ExpectContinueTest {

    /** What the server does with a request announcing a body: refuse at once, say 100 Continue, or stay silent. */
    enum Mode {
        REFUSE,
        CONTINUE,
        SILENT
    }

    private volatile Mode mode = Mode.CONTINUE;
    private final AtomicLong bodyBytesRead = new AtomicLong();
    private volatile String expectHeader;
    private final ServerSocket server;

    ExpectContinueTest() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofPlatform().daemon().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String head = readHead(in);
            expectHeader = header(head, "expect");
            long length = Long.parseLong(header(head, "content-length"));
            if (mode == Mode.REFUSE) {
                String body = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";
                out.write(("HTTP/1.1 403 Forbidden\r\nContent-Length: " + body.length()
                                + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return; // closes without reading the body, as a server that refused it may
            }
            if (mode == Mode.CONTINUE) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            in.skipNBytes(length);
            bodyBytesRead.addAndGet(length);
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed");
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n", -1)) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private HttpResponse put(HttpConnectionPool pool, long size) throws IOException {
        return pool.execute(HttpRequest.streamed("PUT", "/b/k", List.of(), new ZeroStream(size), size));
    }

    @Test
    void aRefusalBeforeTheBodyIsTheResponseAndNoBodyIsSent() throws IOException {
        mode = Mode.REFUSE;
        try (HttpConnectionPool pool = new HttpConnectionPool("http", "127.0.0.1", server.getLocalPort(), 4, false);
                HttpResponse response = put(pool, 256L * 1024 * 1024)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(new String(response.readBody(4096), StandardCharsets.UTF_8))
                    .contains("AccessDenied");
        }
        assertThat(expectHeader).isEqualTo("100-continue");
        assertThat(bodyBytesRead.get()).isZero();
    }

    @ParameterizedTest(name = "server answers with {0}")
    @EnumSource(
            value = Mode.class,
            names = {"CONTINUE", "SILENT"})
    void theBodyIsSentAfter100ContinueOrSilence(Mode answer) throws IOException {
        mode = answer;
        long size = 3L * 1024 * 1024;
        try (HttpConnectionPool pool = new HttpConnectionPool("http", "127.0.0.1", server.getLocalPort(), 4, false);
                HttpResponse response = put(pool, size)) {
            assertThat(response.status()).isEqualTo(200);
        }
        assertThat(bodyBytesRead.get()).isEqualTo(size);
    }

    @Test
    void smallBodiesGoWithoutTheExpectation() throws IOException {
        mode = Mode.CONTINUE; // a server must not send 100 to a request without Expect; this one reads regardless
        long size = 4096;
        try (HttpConnectionPool pool = new HttpConnectionPool("http", "127.0.0.1", server.getLocalPort(), 4, false)) {
            HttpResponse response =
                    pool.execute(new HttpRequest("PUT", "/b/k", List.of(), new byte[(int) size], (int) size));
            try (response) {
                assertThat(response.status()).isEqualTo(200); // the 100 Continue is skipped as an interim answer
            }
        }
        assertThat(expectHeader).isNull();
    }
}
