/**
 * Migration metrics through Micrometer: {@link com.atlan.storage.cli.metrics.MigrationMetrics} binds a run's meters to
 * any {@link io.micrometer.core.instrument.MeterRegistry}; {@link com.atlan.storage.cli.metrics.MetricsServer} serves
 * them to Prometheus.
 */
package com.atlan.storage.cli.metrics;
