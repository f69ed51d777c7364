package com.atlan.storage.azure;

import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.TransientStorageException;
import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A flat listing of a container under a prefix, fetched page by page as it is consumed. Starts at {@code startAfter}
 * with List Blobs' {@code startFrom} and drops that key itself (and anything before it, from a server that ignores
 * {@code startFrom}). A page whose continuation token repeats the previous one fails the listing instead of looping.
 */
final class AzureListing implements Iterator<ObjectInfo> {

    private final AzureErrors errors;
    private final String prefix;
    private final String startAfter;
    private final Iterator<PagedResponse<BlobItem>> pages;
    private Iterator<BlobItem> page = Collections.emptyIterator();
    private String lastToken;
    private ObjectInfo next;

    private AzureListing(
            BlobContainerClient container, AzureErrors errors, String prefix, String startAfter, int size) {
        this.errors = errors;
        this.prefix = prefix;
        this.startAfter = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        ListBlobsOptions options = new ListBlobsOptions().setMaxResultsPerPage(size);
        if (!prefix.isEmpty()) {
            options.setPrefix(prefix);
        }
        if (this.startAfter != null) {
            options.setStartFrom(this.startAfter);
        }
        this.pages = errors.call(
                "listing",
                prefix,
                () -> container.listBlobs(options, null).iterableByPage().iterator());
    }

    /** The objects under {@code prefix} after {@code startAfter}, in key order. */
    static Stream<ObjectInfo> stream(
            BlobContainerClient container, AzureErrors errors, String prefix, String startAfter, int pageSize) {
        AzureListing listing = new AzureListing(container, errors, prefix, startAfter, pageSize);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(listing, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (!page.hasNext() && !nextPage()) {
                return false;
            }
            if (page.hasNext()) {
                BlobItem item = page.next();
                if (Boolean.TRUE.equals(item.isPrefix()) || Boolean.TRUE.equals(item.isDeleted())) {
                    continue;
                }
                if (startAfter != null && KeyOrder.compare(item.getName(), startAfter) <= 0) {
                    continue;
                }
                next = AzureObjects.listed(item);
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
        String where = prefix.isEmpty() ? "the container" : "'" + prefix + "'";
        return errors.call("listing", prefix.isEmpty() ? null : prefix, () -> {
            if (!pages.hasNext()) {
                return false;
            }
            PagedResponse<BlobItem> response = pages.next();
            String token = response.getContinuationToken();
            if (token != null && token.equals(lastToken)) {
                throw new TransientStorageException(
                        errors.store(),
                        null,
                        "listing " + where + " in " + errors.store() + " returned the same continuation token twice;"
                                + " the listing cannot be trusted to be complete");
            }
            lastToken = token;
            page = response.getValue().iterator();
            return true;
        });
    }
}
