package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectInfo;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * A flat ListObjectsV2 listing as a stream of {@link ObjectInfo}, fetched page by page ({@link S3Pages}).
 * Keys come back in UTF-8 byte order, which is {@code KeyOrder}.
 */
final class S3Listing implements Iterator<ObjectInfo> {

    private final S3Pages pages;
    private Iterator<ObjectInfo> page = Collections.emptyIterator();

    /** Starts listing: the first page is requested at once (through {@code lean} unless it is {@code null}). */
    S3Listing(S3Client client, LeanS3Client lean, S3Errors errors, String bucket, String prefix, String startAfter) {
        this.pages = new S3Pages(client, lean, errors, request(bucket, prefix, startAfter, null));
    }

    static Stream<ObjectInfo> stream(Iterator<ObjectInfo> listing) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        listing, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
                false);
    }

    /** A ListObjectsV2 request, with {@code delimiter} when not {@code null}. */
    static ListObjectsV2Request request(String bucket, String prefix, String startAfter, String delimiter) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                .bucket(bucket)
                // url encoding lets keys with characters XML 1.0 cannot carry come back intact; the SDK decodes them
                .encodingType(EncodingType.URL);
        if (prefix != null && !prefix.isEmpty()) request.prefix(prefix);
        if (startAfter != null && !startAfter.isEmpty()) request.startAfter(startAfter);
        if (delimiter != null) request.delimiter(delimiter);
        return request.build();
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
