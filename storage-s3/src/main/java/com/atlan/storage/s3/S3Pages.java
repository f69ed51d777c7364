package com.atlan.storage.s3;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * The pages of one ListObjectsV2 listing. The first page is requested as soon as this is created, and each
 * page's successor while that page is consumed, on virtual threads; so listing overlaps with the caller's
 * work, several listings run side by side, and at most two pages are held.
 */
final class S3Pages implements Iterator<ListObjectsV2Response> {

    private static final ExecutorService FETCHERS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("s3-list-", 0).factory());

    private final S3Client client;
    private final S3Errors errors;
    private final ListObjectsV2Request first;
    private CompletableFuture<ListObjectsV2Response> next;

    S3Pages(S3Client client, S3Errors errors, ListObjectsV2Request first) {
        this.client = client;
        this.errors = errors;
        this.first = first;
        this.next = fetch(first);
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public ListObjectsV2Response next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        ListObjectsV2Response page = await(next);
        String token = page.nextContinuationToken();
        boolean more = Boolean.TRUE.equals(page.isTruncated()) && token != null;
        next = more ? fetch(first.toBuilder().continuationToken(token).build()) : null;
        return page;
    }

    private CompletableFuture<ListObjectsV2Response> fetch(ListObjectsV2Request request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.listObjectsV2(request);
            } catch (SdkException e) {
                throw errors.map(e, "listing", first.prefix() == null ? "" : first.prefix());
            }
        }, FETCHERS);
    }

    private static ListObjectsV2Response await(CompletableFuture<ListObjectsV2Response> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
