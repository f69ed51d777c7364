package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** SigV4Signer against AWS's published S3 example (GET object, single chunk, Range bytes=0-9). */
class SigV4SignerTest {

    private static final String ACCESS = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static SortedMap<String, String> exampleHeaders() {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", "examplebucket.s3.amazonaws.com");
        headers.put("range", "bytes=0-9");
        headers.put("x-amz-content-sha256", SigV4Signer.EMPTY_SHA256);
        headers.put("x-amz-date", "20130524T000000Z");
        return headers;
    }

    @Test
    void buildsTheCanonicalRequestOfTheAwsExample() {
        assertThat(SigV4Signer.canonicalRequest("GET", "/test.txt", "", exampleHeaders(), SigV4Signer.EMPTY_SHA256))
                .isEqualTo("""
                        GET
                        /test.txt

                        host:examplebucket.s3.amazonaws.com
                        range:bytes=0-9
                        x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                        x-amz-date:20130524T000000Z

                        host;range;x-amz-content-sha256;x-amz-date
                        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
    }

    @Test
    void signsTheAwsGetObjectExample() {
        String authorization = new SigV4Signer("us-east-1")
                .authorization(
                        ACCESS,
                        SECRET,
                        "GET",
                        "/test.txt",
                        "",
                        exampleHeaders(),
                        SigV4Signer.EMPTY_SHA256,
                        "20130524T000000Z");

        assertThat(authorization)
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void cachedSigningKeyGivesTheSameSignatureAndFollowsTheSecret() {
        SigV4Signer signer = new SigV4Signer("us-east-1");
        String first = signer.authorization(
                ACCESS, SECRET, "GET", "/test.txt", "", exampleHeaders(), SigV4Signer.EMPTY_SHA256, "20130524T000000Z");
        String again = signer.authorization(
                ACCESS, SECRET, "GET", "/test.txt", "", exampleHeaders(), SigV4Signer.EMPTY_SHA256, "20130524T000000Z");
        String otherSecret = signer.authorization(
                ACCESS,
                SECRET + "x",
                "GET",
                "/test.txt",
                "",
                exampleHeaders(),
                SigV4Signer.EMPTY_SHA256,
                "20130524T000000Z");

        assertThat(again).isEqualTo(first);
        assertThat(otherSecret).isNotEqualTo(first).doesNotContain(SECRET);
    }

    @Test
    void encodesKeysOnceAsS3Expects() {
        assertThat(SigV4Signer.uriEncode("a b/c+d%e/ü~_.-*", true)).isEqualTo("a%20b/c%2Bd%25e/%C3%BC~_.-%2A");
        assertThat(SigV4Signer.uriEncode("a/b", false)).isEqualTo("a%2Fb");
        assertThat(SigV4Signer.canonicalQuery(java.util.Map.of("prefix", "a b", "list-type", "2")))
                .isEqualTo("list-type=2&prefix=a%20b");
    }

    @Test
    void formatsAmzDate() {
        assertThat(SigV4Signer.amzDate(
                        java.time.Instant.parse("2013-05-24T00:00:00Z").toEpochMilli()))
                .isEqualTo("20130524T000000Z");
        assertThat(SigV4Signer.amzDate(
                        java.time.Instant.parse("2026-11-25T19:09:07.999Z").toEpochMilli()))
                .isEqualTo("20261125T190907Z");
    }
}
