package com.atlan.storage.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe S3Mock 4.12.4 (Maven {@code com.adobe.testing:s3mock}) as its own process on 127.0.0.1, one per test JVM. It
 * is built from {@code storage-s3/src/test/servers/s3mock} (by bin/test.d/20-s3-servers.sh, or here when missing).
 * Quirks: it lists keys in UTF-16 order; it accepts any credentials.
 */
public final class S3MockServer implements TestS3Server {

    private static final Pattern PORTS =
            Pattern.compile("Tomcat started on ports? (\\d+) \\(https\\), (\\d+) \\(http\\)");
    private static S3MockServer instance;
    private static String failure;

    private final URI endpoint;
    private final S3Client admin;

    private S3MockServer() throws IOException, InterruptedException {
        Path root = ExternalServers.repoRoot();
        Path project = root.resolve("storage-s3/src/test/servers/s3mock");
        Path classpath = project.resolve("target/classpath.txt");
        Path jar = project.resolve("target/s3mock-runner-1.jar");
        if (!Files.exists(classpath) || !Files.exists(jar)) {
            List<String> build = List.of(
                    root.resolve("mvnw").toString(),
                    "-B",
                    "-q",
                    "-f",
                    project.resolve("pom.xml").toString(),
                    "package",
                    "dependency:build-classpath",
                    "-Dmdep.outputFile=target/classpath.txt");
            boolean built = ExternalServers.run(with("-o", build), root, Duration.ofMinutes(5))
                    || ExternalServers.run(build, root, Duration.ofMinutes(10));
            if (!built)
                throw new IOException("could not build " + project + " (mvnw package dependency:build-classpath)");
        }
        Path data = Files.createTempDirectory("s3mock-");
        ProcessBuilder command = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                jar + java.io.File.pathSeparator + Files.readString(classpath).trim(),
                "com.adobe.testing.s3mock.S3MockApplication",
                "--server.port=0",
                "--com.adobe.testing.s3mock.http-port=0",
                "--com.adobe.testing.s3mock.store.root=" + data,
                "--logging.level.root=WARN",
                "--logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO");
        String line =
                ExternalServers.start(command, l -> PORTS.matcher(l).find(), Duration.ofSeconds(90), new Process[1]);
        Matcher m = PORTS.matcher(line);
        if (!m.find()) throw new IOException("no ports in: " + line);
        endpoint = URI.create("http://127.0.0.1:" + m.group(2));
        admin = TestS3Server.adminClient(endpoint, accessKey(), secretKey());
    }

    private static List<String> with(String option, List<String> command) {
        List<String> all = new java.util.ArrayList<>(command);
        all.add(1, option);
        return all;
    }

    /** The server, started on first use; skips (or under CI fails) the caller when it cannot be started. */
    public static synchronized S3MockServer get() {
        if (instance == null && failure == null) {
            try {
                instance = new S3MockServer();
            } catch (IOException | RuntimeException e) {
                failure = "Adobe S3Mock could not be started: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted starting S3Mock";
            }
        }
        if (instance == null) throw ExternalServers.unavailable(failure);
        return instance;
    }

    @Override
    public String name() {
        return "S3Mock";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String accessKey() {
        return "s3mock-access";
    }

    @Override
    public String secretKey() {
        return "s3mock-secret";
    }

    @Override
    public Map<String, String> quirks() {
        return Map.of("listingOrder", "utf16", "parallelListing", "true");
    }

    @Override
    public S3Client admin() {
        return admin;
    }
}
