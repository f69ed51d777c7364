package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A listing that fans out over the "folders" below its prefix: one delimited listing ({@code /}) yields
 * the objects directly under the prefix and its common prefixes, and each common prefix is listed flat on
 * its own, up to {@link #WINDOW} at a time. The sub-listings are consumed in order, so keys still come in
 * the store's listing order; only the listings in the window are held (two pages each at most).
 *
 * <p>S3 serves one listing page after another, so a flat listing of N keys costs N/1000 sequential round
 * trips; a tree of folders lists in a fraction of that, as rclone's per-directory listing does.
 *
 * <p>A level with fewer than {@link #WINDOW} folders and no second page (a bucket holding one {@code data/}
 * folder, say) is too narrow to fan out over, so its folders are fanned out in turn, down to
 * {@link #MAX_DEPTH} levels. Servers that walk a whole subtree for every page of a flat listing (S3Proxy's
 * filesystem backend reads each object's metadata to serve one page) also do far less work this way.
 */
final class FanOutListing implements Iterator<ObjectInfo> {

    /** Sub-listings in flight at once. */
    static final int WINDOW = 8;
    /** How many narrow levels are fanned out below the first. */
    static final int MAX_DEPTH = 3;

    /** One entry of the delimited listing: an object directly under the prefix, or a common prefix. */
    private record TopEntry(ObjectInfo object, String folder) {}

    private final S3Requests requests;
    private final S3Errors errors;
    private final Comparator<String> order;
    private final String startAfter;
    private final int depth;
    private final S3Pages top;
    /** Whether this level is narrow, known from its first page: its folders are then fanned out too. */
    private boolean narrow;

    private boolean firstPage = true;
    private Iterator<TopEntry> entries = Collections.emptyIterator();
    private final Deque<Iterator<ObjectInfo>> window = new ArrayDeque<>();
    private ObjectInfo next;

    /** A listing of {@code prefix} after {@code startAfter} on a server that lists in {@code order}. */
    FanOutListing(S3Requests requests, S3Errors errors, Comparator<String> order, String prefix, String startAfter) {
        this(requests, errors, order, prefix, startAfter, 0);
    }

    private FanOutListing(
            S3Requests requests,
            S3Errors errors,
            Comparator<String> order,
            String prefix,
            String startAfter,
            int depth) {
        this.depth = depth;
        this.requests = requests;
        this.errors = errors;
        this.order = order;
        this.startAfter = startAfter == null ? "" : startAfter;
        this.top = new S3Pages(requests, errors, prefix, topStartAfter(prefix, this.startAfter), "/");
    }

    /**
     * Where the delimited listing starts. A {@code startAfter} inside a folder ({@code p/a/x} under {@code p/})
     * must not hide that folder: servers differ on whether a common prefix sorting before StartAfter is
     * returned, so the listing starts after the folder's name ({@code p/a}) and entries before
     * {@code startAfter} are dropped here.
     */
    private static String topStartAfter(String prefix, String startAfter) {
        String p = prefix == null ? "" : prefix;
        if (!startAfter.startsWith(p)) {
            return startAfter;
        }
        int slash = startAfter.indexOf('/', p.length());
        return slash < 0 ? startAfter : startAfter.substring(0, slash);
    }

    /** Whether a top-level entry may hold keys after {@code startAfter}. */
    private boolean wanted(TopEntry entry) {
        if (startAfter.isEmpty()) {
            return true;
        }
        if (entry.object() != null) {
            return order.compare(entry.object().key(), startAfter) > 0;
        }
        String folder = entry.folder();
        return startAfter.startsWith(folder) || order.compare(folder, startAfter) > 0;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            fillWindow();
            if (window.isEmpty()) {
                return false;
            }
            Iterator<ObjectInfo> head = window.peekFirst();
            if (head.hasNext()) {
                next = head.next();
            } else {
                window.removeFirst();
            }
        }
        return true;
    }

    @Override
    public ObjectInfo next() {
        if (!hasNext()) throw new NoSuchElementException();
        ObjectInfo result = next;
        next = null;
        return result;
    }

    /** Starts segments (single objects or folder listings) in key order until the window is full. */
    private void fillWindow() {
        while (window.size() < WINDOW) {
            while (!entries.hasNext() && top.hasNext()) {
                ListPage page = top.next();
                if (firstPage) {
                    firstPage = false;
                    narrow = page.nextToken() == null && page.folders().size() < WINDOW && depth < MAX_DEPTH;
                }
                entries = merge(page).iterator();
            }
            if (!entries.hasNext()) {
                return;
            }
            TopEntry entry = entries.next();
            if (!wanted(entry)) {
                continue;
            }
            window.addLast(entry.object() != null ? List.of(entry.object()).iterator() : folderListing(entry.folder()));
        }
    }

    /** A page's objects and common prefixes, each sorted, merged into one sequence in the listing order. */
    private List<TopEntry> merge(ListPage page) {
        List<ObjectInfo> objects = page.objects();
        List<String> folders = page.folders();
        List<TopEntry> merged = new ArrayList<>(objects.size() + folders.size());
        int o = 0;
        int f = 0;
        while (o < objects.size() || f < folders.size()) {
            boolean takeObject = f >= folders.size()
                    || (o < objects.size() && order.compare(objects.get(o).key(), folders.get(f)) < 0);
            merged.add(takeObject ? new TopEntry(objects.get(o++), null) : new TopEntry(null, folders.get(f++)));
        }
        return merged;
    }

    private Iterator<ObjectInfo> folderListing(String folder) {
        // startAfter inside this folder narrows its listing; folders wholly before it are not returned at all
        String after = startAfter.startsWith(folder) ? startAfter : null;
        return narrow
                ? new FanOutListing(requests, errors, order, folder, after, depth + 1)
                : new S3Listing(requests, errors, folder, after);
    }
}
