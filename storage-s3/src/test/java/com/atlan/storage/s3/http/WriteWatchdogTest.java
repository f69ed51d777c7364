package com.atlan.storage.s3.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The write watchdog against a server that stops reading request bodies, and one that reads them. */
class WriteWatchdogTest {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    /** Whether the server reads requests and answers 200, or holds connections without reading a byte. */
    private volatile boolean reading;

    WriteWatchdogTest() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    held.add(socket);
                    if (reading) Thread.ofPlatform().daemon().start(() -> answer(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** Reads one request (head and Content-Length body) and answers 200 with no body. */
    private static void answer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) return;
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            int at = text.indexOf("content-length: ");
            long length = at < 0
                    ? 0
                    : Long.parseLong(
                            text.substring(at + 16, text.indexOf("\r\n", at)).trim());
            in.skipNBytes(length);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        for (Socket s : held) s.close();
    }

    @Test
    @Timeout(
            value = 30,
            threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the watchdog the write blocks for good
    void aBodyTheServerStopsReadingFailsAfterTheWriteTimeout() {
        try (HttpConnectionPool pool =
                new HttpConnectionPool("http", "127.0.0.1", server.getLocalPort(), 4, false, null, 1_000)) {
            long size = 256L * 1024 * 1024; // far more than the socket buffers hold
            HttpRequest request = HttpRequest.streamed("PUT", "/b/k", List.of(), new ZeroStream(size), size);
            long start = System.nanoTime();

            assertThatThrownBy(() -> pool.execute(request)).isInstanceOf(IOException.class);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aSlowSourceIsNotAStalledWrite() throws IOException {
        reading = true;
        try (HttpConnectionPool pool =
                new HttpConnectionPool("http", "127.0.0.1", server.getLocalPort(), 4, false, null, 300)) {
            // 4 pieces, each read from the source after 500 ms: the request takes ~2 s, each socket write ~0
            long size = 4 * 64 * 1024;
            HttpRequest request = HttpRequest.streamed("PUT", "/b/k", List.of(), new ZeroStream(size, 500), size);

            try (HttpResponse response = pool.execute(request)) {
                assertThat(response.status()).isEqualTo(200);
            }
        }
    }
}
