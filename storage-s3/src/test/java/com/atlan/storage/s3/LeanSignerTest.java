package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The lean path's signing ({@link LeanSigner} over the SDK's {@code AwsV4HttpSigner}) against AWS's published S3
 * Signature V4 examples (GET with a range, PUT with its payload hash and storage class, a sub-resource, a listing
 * query), to the signature. (The generic aws-sig-v4-test-suite vectors sign no {@code x-amz-content-sha256}, which
 * the SDK's signer always adds, as S3 requires; so they cannot be reproduced through it.)
 */
class LeanSignerTest {

    private static final AwsCredentialsIdentity S3_EXAMPLE =
            AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static final Clock S3_EXAMPLE_TIME = Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void signsASessionTokenAsASignedHeader() {
        String token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
        SdkHttpRequest signed = new LeanSigner("us-east-1")
                .sign(
                        s3("GET", "https", "/test.txt").build(),
                        AwsSessionCredentialsIdentity.create(
                                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", token),
                        null,
                        0,
                        S3_EXAMPLE_TIME);

        assertThat(signed.firstMatchingHeader("X-Amz-Security-Token")).contains(token);
        assertThat(signed.firstMatchingHeader("Authorization"))
                .get()
                .asString()
                .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,");
    }

    @Test
    void signsTheS3GetBucketLifecycleExampleWithItsSubResource() {
        SdkHttpRequest signed = new LeanSigner("us-east-1")
                .sign(
                        s3("GET", "https", "/")
                                .appendRawQueryParameter("lifecycle", "")
                                .build(),
                        S3_EXAMPLE,
                        null,
                        0,
                        S3_EXAMPLE_TIME);

        assertThat(signed.firstMatchingHeader("Authorization"))
                .contains("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                        + " Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    }

    @Test
    void signsTheS3GetObjectExample() {
        SdkHttpRequest signed = new LeanSigner("us-east-1")
                .sign(
                        s3("GET", "https", "/test.txt")
                                .putHeader("Range", "bytes=0-9")
                                .build(),
                        S3_EXAMPLE,
                        null,
                        0,
                        S3_EXAMPLE_TIME);

        assertThat(signed.firstMatchingHeader("x-amz-content-sha256"))
                .contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(signed.firstMatchingHeader("Authorization"))
                .contains("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void signsTheS3PutObjectExampleWithItsPayloadHash() {
        byte[] body = "Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8);
        // over http without Content-MD5 the payload is signed, as in the example
        SdkHttpRequest signed = new LeanSigner("us-east-1")
                .sign(
                        s3("PUT", "http", "/test%24file.text")
                                .putHeader("Date", "Fri, 24 May 2013 00:00:00 GMT")
                                .putHeader("x-amz-storage-class", "REDUCED_REDUNDANCY")
                                .build(),
                        S3_EXAMPLE,
                        body,
                        body.length,
                        S3_EXAMPLE_TIME);

        assertThat(signed.firstMatchingHeader("x-amz-content-sha256"))
                .contains("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        assertThat(signed.firstMatchingHeader("Authorization"))
                .contains("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                        + " Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void signsTheS3ListObjectsExampleWithItsQuery() {
        SdkHttpRequest signed = new LeanSigner("us-east-1")
                .sign(
                        s3("GET", "https", "/")
                                .appendRawQueryParameter("max-keys", "2")
                                .appendRawQueryParameter("prefix", "J")
                                .build(),
                        S3_EXAMPLE,
                        null,
                        0,
                        S3_EXAMPLE_TIME);

        assertThat(signed.firstMatchingHeader("Authorization"))
                .contains("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                        + " Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void sendsABodyProtectedByContentMd5Unsigned() {
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = new LeanSigner("us-east-1")
                .sign(
                        s3("PUT", "http", "/k")
                                .putHeader("Content-MD5", "nSvcr6ZLK7Ukm2YgOz/0yw==")
                                .build(),
                        S3_EXAMPLE,
                        body,
                        body.length,
                        S3_EXAMPLE_TIME);

        assertThat(signed.firstMatchingHeader("x-amz-content-sha256")).contains("UNSIGNED-PAYLOAD");
    }

    @Test
    void signsWithTheServersClockOnceCorrected() {
        LeanSigner signer = new LeanSigner("us-east-1");
        String serverDate = "Sat, 01 Jan 2000 00:00:00 GMT";
        assertThat(signer.isSkewedFrom(serverDate)).isTrue();

        assertThat(signer.correctClock(serverDate)).isTrue();

        SdkHttpRequest signed = signer.sign(s3("GET", "https", "/k").build(), S3_EXAMPLE, null, 0);
        assertThat(signed.firstMatchingHeader("X-Amz-Date")).get().asString().startsWith("20000101T0000");
        assertThat(signer.isSkewedFrom(serverDate)).isFalse();
        assertThat(signer.correctClock(serverDate)).as("already corrected").isFalse();
    }

    private static SdkHttpRequest.Builder s3(String method, String protocol, String path) {
        return LeanSigner.request(
                        method, protocol, "examplebucket.s3.amazonaws.com", protocol.equals("https") ? 443 : 80)
                .encodedPath(path);
    }
}
