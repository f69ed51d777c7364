package com.atlan.storage.services;

import java.util.Objects;

/**
 * What an upload wrote: the v3 SDK's upload result (it returns the content's SHA-256) with the key and size.
 *
 * @param key    the store key written (normalised: a {@code ./local/tmp/...} destination gives the key below it)
 * @param size   the bytes written
 * @param sha256 the SHA-256 of the bytes written, as 64 lowercase hex digits, computed while they streamed
 */
public record UploadResult(String key, long size, String sha256) {

    public UploadResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
    }
}
