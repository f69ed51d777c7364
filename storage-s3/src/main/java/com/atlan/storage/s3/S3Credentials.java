package com.atlan.storage.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where a store's credentials come from. {@link #source()} describes them for messages without any
 * secret; {@link #identity()} is a one-way fingerprint that tells two stores apart without keeping
 * a printable secret.
 *
 * @param provider the SDK provider
 * @param source   a description for people, e.g. {@code accessKey/secretKey from component 'x'}
 * @param identity equal for two stores exactly when they use the same credentials
 */
record S3Credentials(AwsCredentialsProvider provider, String source, String identity) {

    /** Static keys from a component's metadata; {@code sessionToken} may be {@code null}. */
    static S3Credentials fromKeys(String component, String accessKey, String secretKey, String sessionToken) {
        var credentials = sessionToken == null
                ? AwsBasicCredentials.create(accessKey, secretKey)
                : AwsSessionCredentials.create(accessKey, secretKey, sessionToken);
        String source = "accessKey/secretKey" + (sessionToken == null ? "" : "/sessionToken") + " from component '"
                + component + "'";
        return new S3Credentials(
                StaticCredentialsProvider.create(credentials),
                source,
                "static:" + sha256(accessKey + '\0' + secretKey + '\0' + (sessionToken == null ? "" : sessionToken)));
    }

    /** The SDK's default chain: environment, system properties, profile, web identity, container, instance. */
    static S3Credentials defaultChain() {
        return new S3Credentials(
                DefaultCredentialsProvider.builder().build(),
                "the default AWS credential chain (env, profile, web identity, container or instance role)",
                "default-chain");
    }

    @Override
    public String toString() {
        return source;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
