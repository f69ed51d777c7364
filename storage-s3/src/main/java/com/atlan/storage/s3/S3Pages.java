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

/**
 * The pages of one ListObjectsV2 listing. The first page is requested as soon as this is created, and each
 * page's successor while that page is consumed, on virtual threads; so listing overlaps with the caller's
 * work, several listings run side by side, and at most two pages are held. Pages come through the lean
 * client when the store has one, else through the SDK.
 */
final class S3Pages implements Iterator<ListPage> {

    private static final ExecutorService FETCHERS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("s3-list-", 0).factory());

    private final S3Client client;
    private final LeanS3Client lean;
    private final S3Errors errors;
    private final ListObjectsV2Request first;
    private CompletableFuture<ListPage> next;

    S3Pages(S3Client client, LeanS3Client lean, S3Errors errors, ListObjectsV2Request first) {
        this.client = client;
        this.lean = lean;
        this.errors = errors;
        this.first = first;
        this.next = fetch(null);
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public ListPage next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        ListPage page = await(next);
        next = page.nextToken() != null ? fetch(page.nextToken()) : null;
        return page;
    }

    private CompletableFuture<ListPage> fetch(String token) {
        return CompletableFuture.supplyAsync(
                () -> {
                    if (lean != null) {
                        return lean.listPage(first.prefix(), first.startAfter(), first.delimiter(), token);
                    }
                    try {
                        return ListPage.of(client.listObjectsV2(
                                token == null
                                        ? first
                                        : first.toBuilder()
                                                .continuationToken(token)
                                                .build()));
                    } catch (SdkException e) {
                        throw errors.map(e, "listing", first.prefix() == null ? "" : first.prefix());
                    }
                },
                FETCHERS);
    }

    private static ListPage await(CompletableFuture<ListPage> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
