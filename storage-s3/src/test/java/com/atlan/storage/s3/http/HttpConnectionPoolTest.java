package com.atlan.storage.s3.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool against a scripted HTTP/1.1 server that counts the connections it accepts. */
class HttpConnectionPoolTest {

    /** How the scripted server answers: the response bytes, and whether it closes the connection afterwards. */
    private volatile String response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

    private volatile boolean closeAfterResponse;
    private final AtomicInteger accepted = new AtomicInteger();
    private final ServerSocket server;

    HttpConnectionPoolTest() throws IOException {
        server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    Thread.ofPlatform().daemon().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            while (true) {
                String line = in.readLine();
                if (line == null) return;
                while (!line.isEmpty()) line = in.readLine();
                out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (closeAfterResponse) return;
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private HttpConnectionPool pool() {
        return new HttpConnectionPool("http", "127.0.0.1", server.getLocalPort(), 4, false);
    }

    private static String get(HttpConnectionPool pool) throws IOException {
        try (HttpResponse r = pool.execute(new HttpRequest("GET", "/k", List.of(), null, 0))) {
            assertThat(r.status()).isEqualTo(200);
            return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sequentialRequestsReuseOneConnection() throws IOException {
        try (HttpConnectionPool pool = pool()) {
            for (int i = 0; i < 200; i++) {
                assertThat(get(pool)).isEqualTo("hello");
            }
            assertThat(pool.opened()).isEqualTo(1);
            assertThat(accepted.get()).isEqualTo(1);
        }
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
        response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello";
        closeAfterResponse = true;
        try (HttpConnectionPool pool = pool()) {
            for (int i = 0; i < 5; i++) {
                assertThat(get(pool)).isEqualTo("hello");
            }
            assertThat(pool.opened()).isEqualTo(5);
        }
    }

    @Test
    void aConnectionTheServerClosedSilentlyIsRetriedOnceOnAFreshOne() throws Exception {
        closeAfterResponse = true; // keep-alive promised, then closed: the pooled connection is stale
        try (HttpConnectionPool pool = pool()) {
            assertThat(get(pool)).isEqualTo("hello");
            Thread.sleep(100); // let the close arrive
            assertThat(get(pool)).isEqualTo("hello");
            assertThat(get(pool)).isEqualTo("hello");
            assertThat(pool.opened()).isEqualTo(3);
        }
    }

    @Test
    void readsChunkedBodiesAndKeepsTheConnection() throws IOException {
        response =
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nT: v\r\n\r\n";
        try (HttpConnectionPool pool = pool()) {
            for (int i = 0; i < 3; i++) {
                assertThat(get(pool)).isEqualTo("hello world");
            }
            assertThat(pool.opened()).isEqualTo(1);
        }
    }

    @Test
    void aBodyClosedBeforeItsEndDiscardsTheConnection() throws IOException {
        try (HttpConnectionPool pool = pool()) {
            try (HttpResponse r = pool.execute(new HttpRequest("GET", "/k", List.of(), null, 0))) {
                assertThat(r.body().read()).isEqualTo('h');
            }
            assertThat(get(pool)).isEqualTo("hello");
            assertThat(pool.opened()).isEqualTo(2);
        }
    }
}
