package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectInfo;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * A ListObjectsV2 listing fetched page by page as the stream is consumed. While one page is consumed
 * the next is already being fetched on a virtual thread, so listing overlaps with the caller's work (and a
 * merge-join of two listings waits for neither in turn); at most two pages (2,000 keys) are held. Keys come
 * back in UTF-8 byte order, which is {@code KeyOrder}.
 */
final class S3Listing implements Iterator<ObjectInfo> {

    private final S3Client client;
    private final S3Errors errors;
    private final ListObjectsV2Request first;
    private static final ExecutorService PREFETCH =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("s3-list-prefetch-", 0).factory());

    private Iterator<S3Object> page = java.util.Collections.emptyIterator();
    private CompletableFuture<ListObjectsV2Response> nextPage;
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
        ListObjectsV2Response response = nextPage == null ? list(first) : await(nextPage);
        nextPage = null;
        page = response.contents().iterator();
        String continuationToken = response.nextContinuationToken();
        lastPage = !Boolean.TRUE.equals(response.isTruncated()) || continuationToken == null;
        if (!lastPage) {
            ListObjectsV2Request next = first.toBuilder().continuationToken(continuationToken).build();
            nextPage = CompletableFuture.supplyAsync(() -> list(next), PREFETCH);
        }
    }

    private ListObjectsV2Response list(ListObjectsV2Request request) {
        try {
            return client.listObjectsV2(request);
        } catch (SdkException e) {
            throw errors.map(e, "listing", first.prefix() == null ? "" : first.prefix());
        }
    }

    private static ListObjectsV2Response await(CompletableFuture<ListObjectsV2Response> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
