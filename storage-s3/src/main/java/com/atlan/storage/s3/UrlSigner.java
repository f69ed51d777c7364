package com.atlan.storage.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigns GET URLs for a store's objects with the SDK's {@link S3Presigner} (SigV4 query signing, the store's
 * endpoint, region, addressing style and credentials), so another service (Azure's Put Block From URL) can read an
 * object without credentials. Signing is local: no request is made. The presigner is built on first use, so stores
 * that never presign pay nothing for it.
 */
final class UrlSigner implements AutoCloseable {

    /** SigV4 query signatures are valid for at most seven days; S3 refuses longer ones. */
    static final Duration MAX_VALIDITY = Duration.ofDays(7);

    private final S3StoreConfig config;
    private final S3Errors errors;
    private S3Presigner presigner;
    private boolean closed;

    UrlSigner(S3StoreConfig config, S3Errors errors) {
        this.config = config;
        this.errors = errors;
    }

    /**
     * A URL that reads {@code key} until {@code validFor} passes (or the credentials that signed it expire, for
     * temporary credentials, whichever is first).
     *
     * @throws IllegalArgumentException when {@code validFor} is not positive or longer than {@link #MAX_VALIDITY}
     */
    URI presignGet(String key, Duration validFor) {
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("S3 presigned URLs are valid for more than 0 seconds and at most 7 days"
                    + " (SigV4 query signing); '" + key + "' in " + config.storeName() + " was asked for " + validFor);
        }
        try {
            String url = presigner()
                    .presignGetObject(get -> get.signatureDuration(validFor)
                            .getObjectRequest(r -> r.bucket(config.bucket()).key(key)))
                    .url()
                    .toString();
            return new URI(url);
        } catch (SdkException e) {
            throw errors.map(e, "presigning a URL for", key);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned a URL that is not a URI for '" + key + "'", e);
        }
    }

    private synchronized S3Presigner presigner() {
        if (closed) {
            throw new IllegalStateException("store " + config.storeName() + " is closed");
        }
        if (presigner == null) {
            S3Presigner.Builder builder = S3Presigner.builder()
                    .region(Region.of(config.region()))
                    .credentialsProvider(config.credentials().provider())
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(config.forcePathStyle())
                            .build());
            if (config.endpoint() != null) {
                builder.endpointOverride(config.endpoint());
            }
            presigner = builder.build();
        }
        return presigner;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (presigner != null) {
            presigner.close();
        }
    }
}
