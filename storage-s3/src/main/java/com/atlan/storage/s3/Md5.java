package com.atlan.storage.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** MD5 digests as S3 uses them: Content-MD5 headers, single-part ETags and multipart ETags. */
final class Md5 {

    private Md5() {}

    static byte[] of(byte[] data, int length) {
        MessageDigest md5 = digest();
        md5.update(data, 0, length);
        return md5.digest();
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    /** The ETag S3 gives a multipart object: the MD5 of the parts' binary MD5s, a dash and the part count. */
    static String multipartEtag(List<byte[]> partDigests) {
        MessageDigest md5 = digest();
        partDigests.forEach(md5::update);
        return hex(md5.digest()) + "-" + partDigests.size();
    }

    /** An ETag without the quotes S3 puts around it. */
    static String unquote(String etag) {
        if (etag == null) return null;
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1)
                : etag;
    }

    /** An ETag in the quoted form HTTP conditions (If-Match) compare against. */
    static String quote(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }

    /** The binary digest a hex MD5 (as in {@code PutOptions.expectedMd5}) spells. */
    static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
