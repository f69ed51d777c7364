package com.atlan.storage.store.local;

import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * How a {@link LocalBackend} puts a file in place so that a reader sees the old object or the whole new one, and an
 * object reported written survives a power loss: the bytes go to a hidden partial file in the target folder, which is
 * fsynced, renamed over the target, and the folder fsynced (with every folder the write created). Failed writes and
 * deletes prune the folders they leave empty, up to the root.
 */
final class AtomicFileWrites {

    private static final int COPY_BUFFER = 64 * 1024;

    private final String name;
    private final Path root;
    private final FileSync sync;

    AtomicFileWrites(String name, Path root, FileSync sync) {
        this.name = name;
        this.root = root;
        this.sync = sync;
    }

    /** Writes exactly {@code length} bytes of {@code data} to {@code target} as object {@code key}. */
    ObjectInfo write(String key, Path target, InputStream data, long length, Instant lastModified) throws IOException {
        Path parent = target.getParent();
        Path partial = parent.resolve(PartialFiles.newName());
        Path existed = nearestExisting(parent);
        boolean committed = false;
        try {
            try (FileChannel out = createPartial(key, partial)) {
                long written = copyExactly(data, Channels.newOutputStream(out), length);
                if (written != length) {
                    throw new IntegrityException(
                            name,
                            key,
                            "source ended after " + written + " of " + length + " bytes while writing '" + key + "' to "
                                    + name);
                }
                if (lastModified != null) {
                    Files.setLastModifiedTime(partial, FileTime.from(lastModified));
                }
                sync.file(out);
            }
            commit(key, partial, target);
            committed = true;
            syncFolders(parent, existed);
            return described(key, target);
        } finally {
            if (!committed) {
                deleteQuietly(partial);
                pruneEmptyFolders(parent, existed);
            }
        }
    }

    /** Copies the file {@code source} (with its times) to {@code target} as object {@code key}. */
    ObjectInfo copy(String key, Path source, Path target) throws IOException {
        Path partial = null;
        try {
            Path existed = nearestExisting(target.getParent());
            createFolders(key, target.getParent());
            partial = target.getParent().resolve(PartialFiles.newName());
            Files.copy(source, partial, StandardCopyOption.COPY_ATTRIBUTES);
            try (FileChannel copied = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                sync.file(copied);
            }
            commit(key, partial, target);
            partial = null;
            syncFolders(target.getParent(), existed);
            return described(key, target);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static ObjectInfo described(String key, Path target) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(target, BasicFileAttributes.class);
        return ObjectInfo.of(key, attrs.size(), attrs.lastModifiedTime().toInstant());
    }

    /**
     * Creates the partial file and its folders. A concurrent delete or failed write may prune a folder
     * between its creation and the file's, so creation is retried a few times before giving up.
     */
    private FileChannel createPartial(String key, Path partial) throws IOException {
        for (int attempt = 1; ; attempt++) {
            createFolders(key, partial.getParent());
            try {
                return FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                if (attempt == 5) {
                    throw new TransientStorageException(
                            name,
                            key,
                            "cannot write '" + key + "' to " + name
                                    + ": its folder kept disappearing (concurrent deletes?)",
                            e);
                }
            }
        }
    }

    /** {@code folder} or its nearest ancestor that exists (the root's parent at the highest). */
    private Path nearestExisting(Path folder) {
        Path existing = folder;
        while (existing != null && !existing.equals(root) && !Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing;
    }

    /** Syncs {@code folder}, which now holds a new name, and every folder up to {@code existed}, whose entries changed. */
    private void syncFolders(Path folder, Path existed) throws IOException {
        Path current = folder;
        while (current != null) {
            sync.folder(current);
            if (current.equals(existed) || !current.startsWith(root) || current.equals(root.getParent())) {
                return;
            }
            current = current.getParent();
        }
    }

    private void createFolders(String key, Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw clash(key, Path.of(e.getFile()));
        } catch (FileSystemException e) {
            // "Not a directory": a file further up than the folder's parent (a/b exists, a/b/c/d is written)
            Path existing = folder;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing != null
                    && existing.startsWith(root)
                    && Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
                throw clash(key, existing);
            }
            throw e;
        }
    }

    private InvalidKeyException clash(String key, Path file) {
        return new InvalidKeyException(
                name,
                key,
                "cannot write '" + key + "' to " + name + ": '" + root.relativize(file)
                        + "' is a file, and a folder store cannot hold both an object and objects under it");
    }

    private void commit(String key, Path partial, Path target) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidKeyException(
                    name, key, "cannot write '" + key + "' to " + name + ": a folder of that name holds other objects");
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Removes the empty folders from {@code folder} up to (not including) {@code existed}, the nearest folder that was
     * there before a failed write created the rest ({@code null}: any empty folder below the root). Only folders: a
     * file on the way (a key {@code a} when {@code a/b} failed) is an object and stays.
     */
    void pruneEmptyFolders(Path folder, Path existed) {
        Path current = folder;
        while (current != null
                && current.startsWith(root)
                && !current.equals(root)
                && !current.equals(existed)
                && Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.delete(current);
            } catch (IOException e) {
                return; // not empty (or gone, or not ours to remove): stop here
            }
            current = current.getParent();
        }
    }

    private static long copyExactly(InputStream in, java.io.OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[(int) Math.min(COPY_BUFFER, Math.max(1, length))];
        long total = 0;
        while (total < length) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - total));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: a partial file is never listed, and the next write replaces nothing it holds
        }
    }
}
