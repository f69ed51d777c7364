package com.atlan.storage.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny origin server on a free loopback port (the JDK's HttpServer) that the proxy tests put a proxy in front of:
 *
 * <ul>
 *   <li>{@code GET /fixed/N}: N bytes of {@link #content(int)} with a Content-Length;
 *   <li>{@code GET /chunked/N}: the same bytes, chunked;
 *   <li>{@code GET /bucket?list-type=2...}: a small listing;
 *   <li>{@code HEAD /fixed/N}: the head only;
 *   <li>{@code PUT /anything}: keeps the body it received ({@link #uploads()}) and answers its length.
 * </ul>
 */
final class OriginServer implements AutoCloseable {

    static final String LISTING =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>bucket</Name></ListBucketResult>";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<byte[]> uploads = new CopyOnWriteArrayList<>();
    private final AtomicInteger brokenUploads = new AtomicInteger();

    OriginServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests that reached the server. */
    int requests() {
        return requests.get();
    }

    /** Request bodies received in full. */
    List<byte[]> uploads() {
        return uploads;
    }

    /** Request bodies that broke off before their end. */
    int brokenUploads() {
        return brokenUploads.get();
    }

    /** The bytes {@code /fixed/N} and {@code /chunked/N} serve. */
    static byte[] content(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("PUT")) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = readAll(in, requestLength(exchange));
                } catch (IOException e) {
                    brokenUploads.incrementAndGet();
                    throw e;
                }
                uploads.add(body);
                send(exchange, 200, String.valueOf(body.length).getBytes(StandardCharsets.UTF_8), false);
            } else if (path.equals("/bucket")) {
                send(exchange, 200, LISTING.getBytes(StandardCharsets.UTF_8), false);
            } else if (path.startsWith("/fixed/") || path.startsWith("/chunked/")) {
                int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                send(exchange, 200, content(n), path.startsWith("/chunked/"));
            } else {
                send(exchange, 404, "no such thing".getBytes(StandardCharsets.UTF_8), false);
            }
        }
    }

    private static long requestLength(HttpExchange exchange) {
        String cl = exchange.getRequestHeaders().getFirst("Content-Length");
        return cl == null ? -1 : Long.parseLong(cl);
    }

    /** Reads a body; fewer bytes than its Content-Length is a broken upload. */
    private static byte[] readAll(InputStream in, long expected) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        if (expected >= 0 && out.size() != expected) {
            throw new IOException("body ended after " + out.size() + " of " + expected + " bytes");
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (chunked) {
                for (int i = 0; i < body.length; i += 1000) {
                    out.write(body, i, Math.min(1000, body.length - i));
                    out.flush();
                }
            } else {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
