package com.atlan.storage.s3;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The pages of one ListObjectsV2 listing. The first page is requested as soon as this is created, and each page's
 * successor while that page is consumed, on virtual threads; so listing overlaps with the caller's work, several
 * listings run side by side, and at most two pages are held.
 *
 * <p>A listing ends only where the server says it does: a page marked truncated without a continuation token, or a
 * token the listing has already been given, is an error naming the store and endpoint, never a silent end.
 */
final class S3Pages implements Iterator<ListPage> {

    private static final ExecutorService FETCHERS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("s3-list-", 0).factory());

    private final S3Requests requests;
    private final S3Errors errors;
    private final String prefix;
    private final String startAfter;
    private final String delimiter;
    private final Set<String> tokens = new HashSet<>();
    private CompletableFuture<ListPage> next;

    S3Pages(S3Requests requests, S3Errors errors, String prefix, String startAfter, String delimiter) {
        this.requests = requests;
        this.errors = errors;
        this.prefix = prefix == null ? "" : prefix;
        this.startAfter = startAfter;
        this.delimiter = delimiter;
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
        next = null;
        if (page.truncated()) {
            String token = page.nextToken();
            if (token == null || token.isEmpty()) {
                throw errors.untrustedListing(prefix, "a page said more keys follow but gave no continuation token");
            }
            if (!tokens.add(token)) {
                throw errors.untrustedListing(
                        prefix, "the server gave the same continuation token twice, so the listing would never end");
            }
            next = fetch(token);
        }
        return page;
    }

    private CompletableFuture<ListPage> fetch(String token) {
        return CompletableFuture.supplyAsync(() -> requests.listPage(prefix, startAfter, delimiter, token), FETCHERS);
    }

    private static ListPage await(CompletableFuture<ListPage> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
