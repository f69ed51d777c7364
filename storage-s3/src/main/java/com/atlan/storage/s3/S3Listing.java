package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectInfo;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A flat ListObjectsV2 listing (no delimiter) as a stream of {@link ObjectInfo}, fetched page by page
 * ({@link S3Pages}), in whatever order the server lists.
 */
final class S3Listing implements Iterator<ObjectInfo> {

    private final S3Pages pages;
    private Iterator<ObjectInfo> page = Collections.emptyIterator();

    /** Starts listing: the first page is requested at once. */
    S3Listing(S3Requests requests, S3Errors errors, String prefix, String startAfter) {
        this.pages = new S3Pages(requests, errors, prefix, startAfter, null);
    }

    static Stream<ObjectInfo> stream(Iterator<ObjectInfo> listing) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(listing, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && pages.hasNext()) {
            page = pages.next().objects().iterator();
        }
        return page.hasNext();
    }

    @Override
    public ObjectInfo next() {
        if (!hasNext()) throw new NoSuchElementException();
        return page.next();
    }
}
