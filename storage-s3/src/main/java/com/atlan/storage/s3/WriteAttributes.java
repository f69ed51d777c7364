package com.atlan.storage.s3;

import java.util.function.Consumer;

/** Applies a store's storage class and server-side encryption to a write request, whatever its type. */
final class WriteAttributes {

    private WriteAttributes() {}

    static void apply(
            S3StoreConfig config, Consumer<String> storageClass, Consumer<String> sse, Consumer<String> kmsKeyId) {
        if (config.storageClass() != null) storageClass.accept(config.storageClass());
        if (config.serverSideEncryption() != null) sse.accept(config.serverSideEncryption());
        if (config.sseKmsKeyId() != null) kmsKeyId.accept(config.sseKmsKeyId());
    }
}
