package com.atlan.storage.azure;

import com.atlan.storage.store.StoreSettings;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * One Azurite 3.37.0 blob service on a free 127.0.0.1 port for the whole test JVM, in memory, with a plain SDK
 * client for setup and inspection. Tests stay independent by using fresh containers. Azurite is installed by
 * {@code bin/test.d/40-azurite.sh} into {@code .azurite/} at the repository root; without it the tests are skipped,
 * except under {@code CI=true}, where they fail.
 *
 * <p>Azurite runs under a shell that kills it when this JVM's end of its stdin closes, so a test JVM that is killed
 * leaves no server behind.
 */
public final class AzuriteServer {

    public static final String ACCOUNT = AzureStoreConfig.EMULATOR_ACCOUNT;
    public static final String KEY = AzureStoreConfig.EMULATOR_KEY;

    private static final Pattern LISTENING = Pattern.compile("successfully listens on (http://127\\.0\\.0\\.1:\\d+)");
    private static final AtomicInteger CONTAINERS = new AtomicInteger();
    private static AzuriteServer instance;
    private static String unavailable;

    private final String endpoint;
    private final BlobServiceClient admin;

    private AzuriteServer(Path binary) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "sh",
                        "-c",
                        "\"$0\" \"$@\" & child=$!; trap 'kill $child' TERM; read -r _; kill $child; wait $child",
                        binary.toString(),
                        "--blobHost",
                        "127.0.0.1",
                        "--blobPort",
                        "0",
                        "--inMemoryPersistence",
                        "--extentMemoryLimit",
                        "2048",
                        "--disableTelemetry",
                        "--skipApiVersionCheck",
                        "--silent")
                .redirectErrorStream(true)
                .start();
        // closing the shell's stdin makes it stop Azurite; so does this JVM's death, which closes the pipe
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                process.getOutputStream().close();
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // the JVM is exiting
            }
        }));
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String found = null;
        StringBuilder seen = new StringBuilder();
        for (String line; found == null && (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                found = m.group(1);
            }
        }
        if (found == null) {
            process.getOutputStream().close();
            throw new IllegalStateException("Azurite did not start:\n" + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // Azurite stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
        endpoint = found;
        admin = new BlobServiceClientBuilder()
                .endpoint(endpoint + "/" + ACCOUNT)
                .credential(new StorageSharedKeyCredential(ACCOUNT, KEY))
                .httpClient(new JdkHttpClientBuilder().build())
                .buildClient();
    }

    /** The running server; skips the calling test when Azurite is not installed (fails it under CI). */
    public static synchronized AzuriteServer get() {
        if (instance == null && unavailable == null) {
            Path binary = binary();
            if (binary == null) {
                unavailable = "Azurite is not installed: run bin/test.d/40-azurite.sh (npm install azurite@3.37.0"
                        + " into .azurite/)";
            } else {
                try {
                    instance = new AzuriteServer(binary);
                } catch (IOException | RuntimeException e) {
                    unavailable = "Azurite could not start: " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    unavailable = "interrupted while starting Azurite";
                }
            }
        }
        if (instance == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(unavailable);
            }
            Assumptions.abort(unavailable);
        }
        return instance;
    }

    /** {@code .azurite/node_modules/.bin/azurite-blob} in the working directory or a parent, or env AZURITE_BLOB. */
    private static Path binary() {
        String env = System.getenv("AZURITE_BLOB");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".azurite/node_modules/.bin/azurite-blob");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The blob service's base URL, e.g. {@code http://127.0.0.1:41234} (a component's {@code endpoint}). */
    public String endpoint() {
        return endpoint;
    }

    /** A client for setup and inspection, outside the code under test. */
    public BlobServiceClient admin() {
        return admin;
    }

    /** A new, empty container. */
    public String newContainer() {
        String name = "test-container-" + CONTAINERS.incrementAndGet();
        admin.createBlobContainer(name);
        return name;
    }

    /** A client for {@code container}, for setup and inspection. */
    public BlobContainerClient container(String container) {
        return admin.getBlobContainerClient(container);
    }

    /** Settings for a component over {@code container} with the emulator's key, plus {@code extra} metadata. */
    public StoreSettings settings(String component, String container, Map<String, String> extra) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("accountName", ACCOUNT);
        metadata.put("accountKey", KEY);
        metadata.put("containerName", container);
        metadata.put("endpoint", endpoint);
        metadata.put("useEmulator", "true");
        metadata.putAll(extra);
        return new StoreSettings(component, "bindings.azure.blobstorage", metadata, null, 8);
    }

    /** A store over a new container. */
    public AzureBackend newStore(String component, Map<String, String> extra) {
        return (AzureBackend) new AzureStoreProvider().create(settings(component, newContainer(), extra));
    }
}
