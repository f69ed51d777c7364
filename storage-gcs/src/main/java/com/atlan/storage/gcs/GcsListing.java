package com.atlan.storage.gcs;

import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.TransientStorageException;
import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobField;
import com.google.cloud.storage.Storage.BlobListOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A flat listing of a bucket under a prefix, fetched page by page as it is consumed, asking only for the fields a
 * listing reports. Starts at {@code startAfter} with {@code startOffset} (inclusive, so that key itself is dropped
 * here). A page whose token repeats the previous one fails the listing instead of looping.
 */
final class GcsListing implements Iterator<ObjectInfo> {

    private static final BlobField[] FIELDS = {
        BlobField.NAME, BlobField.SIZE, BlobField.UPDATED, BlobField.GENERATION, BlobField.MD5HASH, BlobField.CRC32C
    };

    private final GcsErrors errors;
    private final String prefix;
    private final String startAfter;
    private Page<Blob> page;
    private Iterator<Blob> values;
    private ObjectInfo next;

    private GcsListing(Storage storage, String bucket, GcsErrors errors, String prefix, String startAfter, int size) {
        this.errors = errors;
        this.prefix = prefix;
        this.startAfter = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        List<BlobListOption> options = new ArrayList<>();
        options.add(BlobListOption.pageSize(size));
        options.add(BlobListOption.fields(FIELDS));
        if (!prefix.isEmpty()) {
            options.add(BlobListOption.prefix(prefix));
        }
        if (this.startAfter != null) {
            options.add(BlobListOption.startOffset(this.startAfter));
        }
        this.page = errors.call(
                "listing",
                null,
                GcsErrors.Target.BUCKET,
                () -> storage.list(bucket, options.toArray(BlobListOption[]::new)));
        this.values = page.getValues().iterator();
    }

    /** The objects under {@code prefix} after {@code startAfter}, in key order. */
    static Stream<ObjectInfo> stream(
            Storage storage, String bucket, GcsErrors errors, String prefix, String startAfter, int pageSize) {
        GcsListing listing = new GcsListing(storage, bucket, errors, prefix, startAfter, pageSize);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(listing, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (!values.hasNext()) {
                if (!nextPage()) {
                    return false;
                }
                continue;
            }
            Blob blob = values.next();
            if (startAfter == null || KeyOrder.compare(blob.getName(), startAfter) > 0) {
                next = GcsObjects.described(blob, false);
            }
        }
        return true;
    }

    @Override
    public ObjectInfo next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ObjectInfo result = next;
        next = null;
        return result;
    }

    private boolean nextPage() {
        if (!page.hasNextPage()) {
            return false;
        }
        String token = page.getNextPageToken();
        Page<Blob> following = errors.call("listing", null, GcsErrors.Target.BUCKET, page::getNextPage);
        if (following == null) {
            return false;
        }
        if (following.hasNextPage() && token.equals(following.getNextPageToken())) {
            throw new TransientStorageException(
                    errors.store(),
                    null,
                    "listing " + (prefix.isEmpty() ? "the bucket" : "'" + prefix + "'") + " in " + errors.store()
                            + " returned the same page token twice; the listing cannot be trusted to be complete");
        }
        page = following;
        values = page.getValues().iterator();
        return true;
    }
}
