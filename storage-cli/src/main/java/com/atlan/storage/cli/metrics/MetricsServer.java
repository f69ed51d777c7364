package com.atlan.storage.cli.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link PrometheusMeterRegistry} at {@code /metrics} over HTTP (the JDK's own server, one thread) until
 * closed.
 */
public final class MetricsServer implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(PrometheusMeterRegistry registry, HttpServer server, ExecutorService executor) {
        this.registry = registry;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving a new registry on {@code address}:{@code port} ({@code port} 0 takes a free one).
     *
     * @throws UncheckedIOException when the address cannot be bound, naming it
     */
    public static MetricsServer start(String address, int port) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            registry.close();
            throw new UncheckedIOException(
                    "cannot serve metrics on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "atlan-storage-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> scrape(registry, exchange));
        server.start();
        return new MetricsServer(registry, server, executor);
    }

    private static void scrape(PrometheusMeterRegistry registry, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The registry served, to bind meters to. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The URL that serves the metrics. */
    public String url() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/metrics";
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        registry.close();
    }
}
