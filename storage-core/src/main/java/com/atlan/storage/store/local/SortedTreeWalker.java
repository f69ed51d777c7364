package com.atlan.storage.store.local;

import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ListingIterator;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a folder tree depth first and yields its files in key order.
 *
 * <p>Sorting each folder's entries with folders named {@code name + "/"} makes a depth-first walk emit
 * keys in exactly {@link KeyOrder}: a key {@code a-b} sorts before {@code a/x} because {@code -} comes
 * before {@code /}. Only one folder's entries per depth are held in memory, never the whole tree, and
 * folders that cannot hold a wanted key (outside the prefix, or wholly before {@code startAfter}) are
 * not opened.
 */
final class SortedTreeWalker extends ListingIterator {

    private static final Logger LOG = LoggerFactory.getLogger(SortedTreeWalker.class);

    private record Entry(String key, Path path, boolean folder) {}

    private final String prefix;
    private final String startAfter;
    private final String storeName;
    private final Deque<Iterator<Entry>> stack = new ArrayDeque<>();

    SortedTreeWalker(Path root, String prefix, String startAfter, String storeName) {
        this.prefix = prefix;
        this.startAfter = startAfter;
        this.storeName = storeName;
        stack.push(readFolder(root, "").iterator());
    }

    @Override
    protected ObjectInfo computeNext() {
        while (!stack.isEmpty()) {
            Iterator<Entry> top = stack.peek();
            if (!top.hasNext()) {
                stack.pop();
                continue;
            }
            Entry entry = top.next();
            if (entry.folder()) {
                if (mayHoldWantedKeys(entry.key())) {
                    stack.push(readFolder(entry.path(), entry.key()).iterator());
                }
            } else if (entry.key().startsWith(prefix) && KeyOrder.compare(entry.key(), startAfter) > 0) {
                return toInfo(entry);
            }
        }
        return null;
    }

    /** Whether the folder whose keys all start with {@code folderKey} can hold a key we want. */
    private boolean mayHoldWantedKeys(String folderKey) {
        boolean overlapsPrefix = folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
        if (!overlapsPrefix) {
            return false;
        }
        // Every key in the folder starts with folderKey; all are <= startAfter exactly when
        // startAfter sorts after folderKey without starting with it.
        return startAfter.startsWith(folderKey) || KeyOrder.compare(startAfter, folderKey) < 0;
    }

    private ObjectInfo toInfo(Entry entry) {
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(entry.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return ObjectInfo.of(
                    entry.key(), attrs.size(), attrs.lastModifiedTime().toInstant());
        } catch (NoSuchFileException e) {
            // deleted since the folder was read: it is simply no longer part of the listing
            return null;
        } catch (IOException e) {
            throw new TransientStorageException(
                    storeName, entry.key(), "listing " + storeName + " failed at '" + entry.key() + "': " + e, e);
        }
    }

    /** Removes a partial file a killed process left behind; a file still being written is left alone. */
    private void removeIfAbandoned(Path partial, String fileName) {
        try {
            FileTime modified = Files.getLastModifiedTime(partial, LinkOption.NOFOLLOW_LINKS);
            if (PartialFiles.isAbandoned(fileName, modified, Instant.now())) {
                Files.deleteIfExists(partial);
                LOG.info("removed {}, a partial file of a write that was killed", partial);
            }
        } catch (IOException e) {
            LOG.debug("could not remove the partial file {}", partial, e);
        }
    }

    private List<Entry> readFolder(Path folder, String folderKey) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                String fileName = child.getFileName().toString();
                if (PartialFiles.isPartial(fileName)) {
                    removeIfAbandoned(child, fileName);
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (attrs.isDirectory()) {
                    entries.add(new Entry(folderKey + fileName + "/", child, true));
                } else if (attrs.isRegularFile()) {
                    entries.add(new Entry(folderKey + fileName, child, false));
                } else {
                    LOG.warn(
                            "{}: skipped '{}', a {} (only regular files and folders are objects; links are not"
                                    + " followed)",
                            storeName,
                            folderKey + fileName,
                            attrs.isSymbolicLink() ? "symbolic link" : "special file");
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new TransientStorageException(
                    storeName, folderKey, "listing " + storeName + " failed in folder '" + folderKey + "': " + e, e);
        }
        entries.sort((a, b) -> KeyOrder.compare(a.key(), b.key()));
        return entries;
    }
}
