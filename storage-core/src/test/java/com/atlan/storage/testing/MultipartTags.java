package com.atlan.storage.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** S3 multipart entity tags of test data, as a server computes them. */
public final class MultipartTags {

    private MultipartTags() {}

    /** The tag S3 gives {@code data} uploaded in parts of {@code partSize}: {@code md5(part md5s)-N}. */
    public static String of(byte[] data, int partSize) {
        try {
            MessageDigest ofParts = MessageDigest.getInstance("MD5");
            int parts = 0;
            for (int offset = 0; offset < data.length || parts == 0; offset += partSize) {
                MessageDigest part = MessageDigest.getInstance("MD5");
                part.update(data, offset, Math.min(partSize, data.length - offset));
                ofParts.update(part.digest());
                parts++;
            }
            return HexFormat.of().formatHex(ofParts.digest()) + "-" + parts;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
