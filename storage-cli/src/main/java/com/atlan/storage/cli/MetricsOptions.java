package com.atlan.storage.cli;

import com.atlan.storage.accounting.ProgressListener;
import com.atlan.storage.cli.metrics.MetricsServer;
import com.atlan.storage.cli.metrics.MigrationMetrics;
import com.atlan.storage.migrate.MigrationOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Whether and where a run serves Prometheus metrics. */
final class MetricsOptions {

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://ADDR:PORT/metrics while the run lasts (0: a free"
                    + " port; the URL is printed on stderr): objects and bytes by outcome, transfers in flight,"
                    + " retries by cause, request latency by operation and store.")
    Integer port;

    @Option(
            names = "--metrics-address",
            paramLabel = "ADDR",
            defaultValue = "127.0.0.1",
            description = "The address the metrics server binds to (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String address;

    /** The server, started and announced on {@code err}, or {@code null} when no port was asked for. */
    MetricsServer start(PrintWriter err) {
        if (port == null) {
            return null;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--metrics-port must be between 0 and 65535, not " + port);
        }
        MetricsServer server = MetricsServer.start(address, port);
        err.println("Metrics: " + server.url());
        err.flush();
        return server;
    }

    /** {@code options} with the meters of {@code server} added, when there is one. */
    static MigrationOptions.Builder apply(
            MigrationOptions.Builder options, ProgressListener existing, MetricsServer server) {
        return server == null
                ? options.listener(existing)
                : MigrationMetrics.attach(options, existing, server.registry());
    }
}
