package com.atlan.storage.s3;

import com.atlan.storage.store.StoreSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * An S3 server the tests run against (S3Proxy, Adobe S3Mock, npm s3rver), on a free 127.0.0.1 port for the whole test
 * JVM, with a plain SDK client for setup and inspection. Tests stay independent by using fresh buckets.
 */
public interface TestS3Server {

    /** For bucket names unique within one test JVM. */
    AtomicInteger BUCKETS = new AtomicInteger();

    /** The server's name, for test names and messages. */
    String name();

    URI endpoint();

    String accessKey();

    String secretKey();

    /** What a component must say about this server: its listing order, whether its delimiter listings are complete. */
    Map<String, String> quirks();

    /** A client for setup and inspection, outside the code under test. */
    S3Client admin();

    /** A new, empty bucket. */
    default String newBucket() {
        String bucket = "b-" + name().toLowerCase(java.util.Locale.ROOT) + "-" + BUCKETS.incrementAndGet();
        admin().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** Settings for a component over {@code bucket} with the server's credentials and quirks, plus {@code extra}. */
    default StoreSettings settings(String component, String bucket, Map<String, String> extra) {
        Map<String, String> metadata = new HashMap<>(metadata(bucket, endpoint().getHost()));
        metadata.putAll(extra);
        return new StoreSettings(component, "bindings.aws.s3", metadata, null, 8);
    }

    /**
     * A component's metadata for {@code bucket}: the server's credentials and quirks, and its endpoint spelled with
     * {@code host} (two spellings of one server are two stores to a migration).
     */
    default Map<String, String> metadata(String bucket, String host) {
        Map<String, String> metadata = new HashMap<>(quirks());
        metadata.put("bucket", bucket);
        metadata.put("region", "us-east-1");
        metadata.put("endpoint", "http://" + host + ":" + endpoint().getPort());
        metadata.put("accessKey", accessKey());
        metadata.put("secretKey", secretKey());
        return metadata;
    }

    /** A store over a new bucket. */
    default S3Backend newStore(String component, Map<String, String> extra) {
        return (S3Backend) new S3StoreProvider().create(settings(component, newBucket(), extra));
    }

    /** A plain SDK client for a server, with the settings every S3-compatible server here needs. */
    static S3Client adminClient(URI endpoint, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }
}
