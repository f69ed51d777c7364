package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectInfo;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A ListObjectsV2 listing fetched one page at a time as the stream is consumed, so only one page
 * (at most 1,000 keys) is ever held. Keys come back in UTF-8 byte order, which is {@code KeyOrder}.
 */
final class S3Listing implements Iterator<ObjectInfo> {

    private final S3Client client;
    private final S3Errors errors;
    private final ListObjectsV2Request first;
    private Iterator<S3Object> page = java.util.Collections.emptyIterator();
    private String continuationToken;
    private boolean lastPage;

    private S3Listing(S3Client client, S3Errors errors, ListObjectsV2Request first) {
        this.client = client;
        this.errors = errors;
        this.first = first;
    }

    static Stream<ObjectInfo> stream(S3Client client, S3Errors errors, String bucket, String prefix, String startAfter) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket)
                // url encoding lets keys with characters XML 1.0 cannot carry come back intact; the SDK decodes them
                .encodingType(EncodingType.URL);
        if (prefix != null && !prefix.isEmpty()) request.prefix(prefix);
        if (startAfter != null && !startAfter.isEmpty()) request.startAfter(startAfter);
        S3Listing listing = new S3Listing(client, errors, request.build());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(listing,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && !lastPage) {
            fetchPage();
        }
        return page.hasNext();
    }

    @Override
    public ObjectInfo next() {
        if (!hasNext()) throw new NoSuchElementException();
        S3Object o = page.next();
        return new ObjectInfo(o.key(), o.size() == null ? 0 : o.size(), o.lastModified(), Md5.unquote(o.eTag()));
    }

    private void fetchPage() {
        ListObjectsV2Request request = continuationToken == null ? first
                : first.toBuilder().continuationToken(continuationToken).build();
        ListObjectsV2Response response;
        try {
            response = client.listObjectsV2(request);
        } catch (SdkException e) {
            throw errors.map(e, "listing", first.prefix() == null ? "" : first.prefix());
        }
        page = response.contents().iterator();
        continuationToken = response.nextContinuationToken();
        lastPage = !Boolean.TRUE.equals(response.isTruncated()) || continuationToken == null;
    }
}
