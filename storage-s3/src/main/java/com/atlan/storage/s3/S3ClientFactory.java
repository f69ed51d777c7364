package com.atlan.storage.s3;

import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds the sync S3 client for a store: the Apache 5 HTTP client (chosen by measurement, see docs/performance.md)
 * sized for the store's concurrency, with the store's proxy; checksums only where S3 requires them (every write
 * carries Content-MD5); and a retry strategy that re-sends only what never took effect (see {@link #retryStrategy}).
 */
final class S3ClientFactory {

    /** Pooled connections idle this long are checked before reuse: servers drop idle ones after ~20 s. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(15);

    private S3ClientFactory() {}

    /** A client and the HTTP client under it; closing it closes both. */
    record Clients(S3Client s3, SdkHttpClient http) implements AutoCloseable {
        @Override
        public void close() {
            s3.close();
            http.close();
        }
    }

    static Clients create(S3StoreConfig config, ProxyConfiguration proxy) {
        Apache5HttpClient.Builder http = Apache5HttpClient.builder()
                .maxConnections(config.maxConnections())
                // virtual threads queue for connections instead of failing fast; the budget bounds how many
                .connectionAcquisitionTimeout(Duration.ofMinutes(2))
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .connectionMaxIdleTime(MAX_IDLE)
                .tcpKeepAlive(true)
                .proxyConfiguration(
                        proxy != null ? proxy : ProxyConfiguration.builder().build());
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
                // Content-MD5 protects every write; SDK-computed CRC trailers would only cost CPU (and break
                // servers that store aws-chunked bodies verbatim)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()));
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

    /**
     * One more attempt, at once, only for a request refused for a skewed clock (the SDK corrects its clock from the
     * answer first) or one that failed on a pooled connection the server had closed before the request reached it.
     * Every other failure goes to the engine, which owns attempts, backoff and throttling.
     */
    static RetryStrategy retryStrategy() {
        return StandardRetryStrategy.builder()
                .maxAttempts(2)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .circuitBreakerEnabled(false)
                .retryOnException(S3ClientFactory::neverTookEffect)
                // without this the client adds its own conditions (5xx, throttling) to the strategy
                .useClientDefaults(false)
                .build();
    }

    static boolean neverTookEffect(Throwable e) {
        if (e instanceof AwsServiceException se) {
            return se.isClockSkewException();
        }
        Throwable t = e;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            // Apache: the pooled connection was closed by the server before any response byte came back
            if (t instanceof org.apache.hc.core5.http.NoHttpResponseException) return true;
        }
        return false;
    }
}
