package com.atlan.storage.s3;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs lean-path requests with the SDK's own Signature V4 signer ({@link AwsV4HttpSigner}), as S3 wants them: keys
 * encoded once, paths not normalised, and the payload unsigned ({@code UNSIGNED-PAYLOAD}) when it is protected by a
 * Content-MD5 or travels over TLS. Signing time follows the server's clock once a server said ours is off
 * ({@link #correctClock}), as the SDK does.
 */
final class LeanSigner {

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String region;
    private final String service;
    private final boolean s3;
    /** Server time minus local time, in milliseconds, learned from a RequestTimeTooSkewed answer. */
    private final AtomicLong offsetMillis = new AtomicLong();

    /** A signer for S3 in {@code region}. */
    LeanSigner(String region) {
        this(region, "s3", true);
    }

    /** A signer for any service; {@code s3} selects S3's single encoding and unnormalised paths. For tests. */
    LeanSigner(String region, String service, boolean s3) {
        this.region = region;
        this.service = service;
        this.s3 = s3;
    }

    /** The request with its signing headers (date, payload hash, security token, authorization) added. */
    SdkHttpRequest sign(SdkHttpRequest request, AwsCredentialsIdentity credentials, byte[] body, int length) {
        return sign(request, credentials, body, length, clock());
    }

    /** {@link #sign} at the time of {@code clock}; for tests. */
    SdkHttpRequest sign(
            SdkHttpRequest request, AwsCredentialsIdentity credentials, byte[] body, int length, Clock clock) {
        // A body protected by Content-MD5 (or TLS) needs no SHA-256 of its own: the server already refuses other
        // bytes, and S3 takes UNSIGNED-PAYLOAD over http too. The SDK's signer insists on hashing bodies sent over
        // http, so it is shown the request as https with the real Host header: the scheme is not part of a SigV4
        // signature. No body costs nothing to hash, so its (empty) hash is signed, as AWS's examples do.
        boolean payloadSigned = !s3
                || body == null
                || (!"https".equals(request.protocol())
                        && request.firstMatchingHeader("Content-MD5").isEmpty());
        SdkHttpRequest toSign = s3
                ? request.toBuilder()
                        .protocol("https")
                        .putHeader("Host", hostHeader(request))
                        .build()
                : request;
        return signer.sign(r -> {
                    r.request(toSign)
                            .identity(credentials)
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                            .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                            .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !s3)
                            .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !s3)
                            .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigned)
                            .putProperty(HttpSigner.SIGNING_CLOCK, clock);
                    if (body != null) {
                        r.payload(() -> new java.io.ByteArrayInputStream(body, 0, length));
                    }
                })
                .request();
    }

    /** The Host header of a request: the host, and the port unless it is the protocol's default. */
    static String hostHeader(SdkHttpRequest request) {
        int port = request.port();
        boolean standard = port == ("https".equals(request.protocol()) ? 443 : 80);
        return standard ? request.host() : request.host() + ":" + port;
    }

    /** The clock requests are signed with: local time plus what the server said it is off by. */
    Clock clock() {
        long offset = offsetMillis.get();
        return offset == 0 ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), Duration.ofMillis(offset));
    }

    /**
     * Sets the signing clock from a server's {@code Date} header after it refused a request as too skewed; returns
     * whether the clock changed (so the request is worth signing again).
     */
    boolean correctClock(String serverDate) {
        Instant server = S3Objects.parseHttpDate(serverDate);
        if (server == null) {
            return false;
        }
        long offset = server.toEpochMilli() - System.currentTimeMillis();
        long old = offsetMillis.getAndSet(offset);
        return Math.abs(old - offset) > 1_000;
    }

    /** Whether a server's {@code Date} is more than four minutes from the signing clock (S3 allows fifteen). */
    boolean isSkewedFrom(String serverDate) {
        Instant server = S3Objects.parseHttpDate(serverDate);
        return server != null
                && Math.abs(Duration.between(clock().instant(), server).toMinutes()) >= 4;
    }

    /** The signed request's headers as name/value pairs to send (without Host, which the transport writes). */
    static List<String[]> headers(SdkHttpRequest signed) {
        Map<String, List<String>> all = signed.headers();
        List<String[]> headers = new ArrayList<>(all.size());
        all.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                for (String v : values) headers.add(new String[] {name, v});
            }
        });
        return headers;
    }

    /** A request skeleton for the signer. */
    static SdkHttpRequest.Builder request(String method, String protocol, String host, int port) {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .protocol(protocol)
                .host(host)
                .port(port);
    }
}
