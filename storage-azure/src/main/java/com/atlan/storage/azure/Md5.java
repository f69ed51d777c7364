package com.atlan.storage.azure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5 helpers: Azure's Content-MD5 is the raw 16-byte digest. */
final class Md5 {

    private Md5() {}

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    static byte[] of(byte[] buffer, int length) {
        MessageDigest md5 = digest();
        md5.update(buffer, 0, length);
        return md5.digest();
    }
}
