package com.atlan.storage.s3;

import java.time.Duration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds the sync S3 client for a store: the Apache HTTP client sized for the store's concurrency,
 * few SDK retries (the engine retries whole transfers with backoff), and for S3-compatible servers
 * checksums only where required and no aws-chunked bodies.
 */
final class S3ClientFactory {

    private S3ClientFactory() {}

    /** A client and the HTTP client under it; closing it closes both. */
    record Clients(S3Client s3, SdkHttpClient http) implements AutoCloseable {
        @Override
        public void close() {
            s3.close();
            http.close();
        }
    }

    @SuppressWarnings("deprecation") // ApacheHttpClient: the Apache 5 client is weighed in the S3 issue
    static Clients create(S3StoreConfig config) {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder()
                .maxConnections(config.maxConnections())
                // virtual threads queue for connections instead of failing fast; the budget bounds how many
                .connectionAcquisitionTimeout(Duration.ofMinutes(2))
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .tcpKeepAlive(true);
        SdkHttpClient httpClient = config.insecureSsl()
                ? http.buildWithDefaults(AttributeMap.builder()
                        .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true)
                        .build())
                : http.build();

        S3ClientBuilder builder = S3Client.builder()
                .httpClient(httpClient)
                .region(Region.of(config.region()))
                .credentialsProvider(config.credentials().provider())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.forcePathStyle())
                        .chunkedEncodingEnabled(!config.legacyS3Compatible())
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(config.maxRetries() + 1)));
        if (config.legacyS3Compatible()) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        try {
            return new Clients(builder.build(), httpClient);
        } catch (RuntimeException e) {
            httpClient.close();
            throw e;
        }
    }
}
