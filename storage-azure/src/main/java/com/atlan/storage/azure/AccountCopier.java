package com.atlan.storage.azure;

import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.TransientStorageException;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobBeginCopySourceRequestConditions;
import com.azure.storage.blob.models.BlobCopyInfo;
import com.azure.storage.blob.models.CopyStatusType;
import com.azure.storage.blob.options.BlobBeginCopyOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Copies a blob within one account with Copy Blob, which keeps its content headers, Content-MD5 and metadata. The
 * copy is pinned to the listed entity tag, so a source replaced since the listing fails the copy. Copy Blob may
 * finish later than it answers; the copy is polled until the service reports it done.
 */
final class AccountCopier {

    private static final Duration POLL = Duration.ofMillis(200);

    private final AzureStoreConfig config;
    private final AzureErrors errors;

    AccountCopier(AzureStoreConfig config, AzureErrors errors) {
        this.config = config;
        this.errors = errors;
    }

    ObjectInfo copy(
            String sourceUrl, BlobClient target, ObjectInfo object, Function<String, Optional<ObjectInfo>> stat) {
        String key = object.key();
        BlobBeginCopyOptions options =
                new BlobBeginCopyOptions(sourceUrl).setPollInterval(POLL).setTier(config.accessTier());
        if (object.etag() != null) {
            options.setSourceRequestConditions(
                    new BlobBeginCopySourceRequestConditions().setIfMatch("\"" + object.etag() + "\""));
        }
        PollResponse<BlobCopyInfo> done = errors.call("copying", key, () -> {
            SyncPoller<BlobCopyInfo, Void> poller = target.beginCopy(options);
            return poller.waitForCompletion();
        });
        CopyStatusType status = done.getValue() == null ? null : done.getValue().getCopyStatus();
        if (!CopyStatusType.SUCCESS.equals(status)) {
            String why = done.getValue() == null ? "no status" : done.getValue().getError();
            throw new TransientStorageException(
                    config.storeName(), key, "copying '" + key + "' within the account ended " + status + ": " + why);
        }
        ObjectInfo copied = stat.apply(key)
                .orElseThrow(() -> new IntegrityException(
                        config.storeName(), key, "'" + key + "' is missing after a successful copy"));
        if (copied.size() != object.size()) {
            throw new IntegrityException(
                    config.storeName(),
                    key,
                    "the copy of '" + key + "' has " + copied.size() + " bytes, the source listed " + object.size());
        }
        return copied;
    }
}
