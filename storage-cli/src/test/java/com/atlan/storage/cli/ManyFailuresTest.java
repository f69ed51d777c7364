package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testkit.FaultPlan;
import com.atlan.storage.testkit.FaultProxy;
import com.atlan.storage.testkit.RequestKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many failures (issue 14 asks for 100,000): a destination whose every write is answered 500 by a fault proxy in front
 * of S3Proxy. The run keeps its heap under the usual cap (a separate JVM with -Xmx256m), lists every failure in
 * --failures, keeps the first 1,000 in its summary and says the list was cut, while failed_migrations stays exact.
 */
class ManyFailuresTest {

    /** 20,000 in the regular suite; the 100,000 with -DmanyFailures.objects=100000 (6 min here, 5 of them creating files). */
    private static final int OBJECTS = Integer.getInteger("manyFailures.objects", 20_000);

    private static final S3ProxyServer S3 = S3ProxyServer.get();

    @TempDir
    Path dir;

    @Test
    void aHundredThousandFailuresStayUnderTheHeapCapAndAreAllFiled() throws Exception {
        Path source = dir.resolve("deployment");
        for (int folder = 0; folder < OBJECTS / 1000; folder++) {
            Path f = Files.createDirectories(source.resolve(String.format("p/%03d", folder)));
            for (int i = 0; i < 1000; i++) {
                Files.write(f.resolve(String.format("%04d", i)), new byte[] {1});
            }
        }
        Path components = Files.createDirectories(dir.resolve("components"));
        ComponentFiles.localStore(components, "objectstore", source.toString());
        String bucket = S3.newBucket();
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint(), FaultPlan.parse("faults.PUT=1,types=500", 1))) {
            new TestStore(
                            "bindings.aws.s3",
                            Map.of(
                                    "bucket",
                                    bucket,
                                    "region",
                                    "us-east-1",
                                    "endpoint",
                                    proxy.uri().toString(),
                                    "forcePathStyle",
                                    "true",
                                    "accessKey",
                                    S3ProxyServer.ACCESS_KEY,
                                    "secretKey",
                                    S3ProxyServer.SECRET_KEY))
                    .writeComponent(components, "upstream-objectstore");
            Path failures = dir.resolve("failures.ndjson");
            Path out = dir.resolve("out.json");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-XX:+ExitOnOutOfMemoryError",
                            // the CLI's own logging (stderr, errors only), not a test jar's logback-test.xml on stdout
                            "-Dlogback.configurationFile=" + mainLogback(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            AtlanStorageCli.class.getName(),
                            "migrate",
                            "--components",
                            components.toString(),
                            "--no-progress",
                            "--json",
                            "--no-checkpoint",
                            "--max-attempts",
                            "1",
                            "--failures",
                            failures.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(dir.resolve("err.txt").toFile())
                    .start();
            long started = System.nanoTime();
            assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
            System.out.printf("%d failures in %.1f s%n", OBJECTS, (System.nanoTime() - started) / 1e9);
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(p.exitValue()).as(err).isEqualTo(1);
            MigrationSummary summary =
                    MigrationSummary.fromJson(Files.readString(out).strip());
            assertThat(summary.totalFiles()).isEqualTo(OBJECTS);
            assertThat(summary.failedMigrations()).isEqualTo(OBJECTS);
            assertThat(summary.failures()).hasSize(Math.min(1000, OBJECTS));
            assertThat(summary.failuresTruncated()).isEqualTo(OBJECTS > 1000);
            assertThat(summary.failuresFile()).isEqualTo(failures.toString());
            assertThat(proxy.requests(RequestKind.PUT)).isGreaterThanOrEqualTo(OBJECTS);
            Set<String> filed = new HashSet<>();
            try (Stream<String> lines = Files.lines(failures)) {
                lines.forEach(l -> filed.add(l.substring(0, l.indexOf("\",\"error\""))));
            }
            assertThat(filed).as("every failure once").hasSize(OBJECTS);
            assertThat(S3.admin().listObjectsV2(b -> b.bucket(bucket)).contents())
                    .as("nothing was written")
                    .isEmpty();
            assertThat(List.of(err)).noneMatch(e -> e.contains("OutOfMemoryError"));
        }
    }

    private static String mainLogback() throws Exception {
        return Path.of(AtlanStorageCli.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("logback.xml")
                .toString();
    }
}
