package com.atlan.storage.s3;

import com.atlan.storage.store.StoreSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One in-memory S3Proxy 4.1.0 on 127.0.0.1 for the whole test JVM (starting one takes over a second),
 * with a plain SDK client for test setup and inspection. Tests stay independent by using fresh buckets.
 */
public final class S3ProxyServer {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-do-not-print";

    private static S3ProxyServer instance;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final URI endpoint;
    private final S3Client admin;

    private S3ProxyServer() throws Exception {
        Properties props = new Properties();
        props.setProperty("jclouds.identity", ACCESS_KEY);
        props.setProperty("jclouds.credential", SECRET_KEY);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", props))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        admin = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                admin.close();
                proxy.stop();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }));
    }

    public static synchronized S3ProxyServer get() {
        if (instance == null) {
            try {
                instance = new S3ProxyServer();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start S3Proxy", e);
            }
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for setup and inspection, outside the code under test. */
    public S3Client admin() {
        return admin;
    }

    /** A new, empty bucket. */
    public String newBucket() {
        String bucket = "test-bucket-" + BUCKETS.incrementAndGet();
        admin.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /**
     * Settings for a component over {@code bucket} with the test credentials, plus {@code extra} metadata. S3Proxy
     * lists in UTF-16 order and its delimiter listings are complete, which the settings declare.
     */
    public StoreSettings settings(String component, String bucket, Map<String, String> extra) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("listingOrder", "utf16");
        metadata.put("parallelListing", "true");
        metadata.put("bucket", bucket);
        metadata.put("region", "us-east-1");
        metadata.put("endpoint", endpoint.toString());
        metadata.put("accessKey", ACCESS_KEY);
        metadata.put("secretKey", SECRET_KEY);
        metadata.putAll(extra);
        return new StoreSettings(component, "bindings.aws.s3", metadata, null, 8);
    }

    /** A store over a new bucket. */
    public S3Backend newStore(String component, Map<String, String> extra) {
        return (S3Backend) new S3StoreProvider().create(settings(component, newBucket(), extra));
    }
}
