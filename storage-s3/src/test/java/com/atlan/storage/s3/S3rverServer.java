package com.atlan.storage.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * npm {@code s3rver} 3.7.1 as its own process on 127.0.0.1, one per test JVM, installed by
 * bin/test.d/20-s3-servers.sh into {@code .test-servers/s3rver}. It needs {@code --openssl-legacy-provider} (its
 * continuation tokens use DES). Quirks, each declared or tested: it lists in its file system's walk order (so
 * {@code listingOrder: unordered}); its delimiter listings miss folders that hold only folders (so no fan-out); a
 * multipart upload's ETag is the whole object's MD5; it has no ListMultipartUploads.
 */
public final class S3rverServer implements TestS3Server {

    private static final Pattern LISTENING = Pattern.compile("S3rver listening on [^:]+:(\\d+)");
    private static S3rverServer instance;
    private static String failure;

    private final URI endpoint;
    private final S3Client admin;

    private S3rverServer() throws IOException, InterruptedException {
        Path bin = ExternalServers.repoRoot().resolve(".test-servers/s3rver/node_modules/.bin/s3rver");
        if (!Files.isExecutable(bin)) {
            throw new IOException(bin + " is missing: run bin/test.d/20-s3-servers.sh (npm install s3rver@3.7.1)");
        }
        Path data = Files.createTempDirectory("s3rver-");
        ProcessBuilder command =
                new ProcessBuilder(bin.toString(), "-d", data.toString(), "-a", "127.0.0.1", "-p", "0", "--silent");
        command.environment().put("NODE_OPTIONS", "--openssl-legacy-provider");
        String line = ExternalServers.start(
                command, l -> LISTENING.matcher(l).find(), Duration.ofSeconds(60), new Process[1]);
        Matcher m = LISTENING.matcher(line);
        if (!m.find()) throw new IOException("no port in: " + line);
        endpoint = URI.create("http://127.0.0.1:" + m.group(1));
        admin = TestS3Server.adminClient(endpoint, accessKey(), secretKey());
    }

    /** The server, started on first use; skips (or under CI fails) the caller when it cannot be started. */
    public static synchronized S3rverServer get() {
        if (instance == null && failure == null) {
            try {
                instance = new S3rverServer();
            } catch (IOException | RuntimeException e) {
                failure = "npm s3rver could not be started: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted starting s3rver";
            }
        }
        if (instance == null) throw ExternalServers.unavailable(failure);
        return instance;
    }

    @Override
    public String name() {
        return "s3rver";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String accessKey() {
        return "S3RVER";
    }

    @Override
    public String secretKey() {
        return "S3RVER";
    }

    @Override
    public Map<String, String> quirks() {
        return Map.of("listingOrder", "unordered");
    }

    @Override
    public S3Client admin() {
        return admin;
    }
}
