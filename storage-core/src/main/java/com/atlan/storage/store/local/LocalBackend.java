package com.atlan.storage.store.local;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Objects as files under a root folder; the key {@code a/b.txt} is the file {@code root/a/b.txt}.
 *
 * <p>A file system cannot hold both a file {@code a} and a file {@code a/b}; writing the second gives an
 * {@link InvalidKeyException}. Keys with empty, {@code .} or {@code ..} segments are refused, and so is any
 * key whose parent folder is a symbolic link leading out of the root, and so is a key with a path segment longer
 * than a file name may be ({@value #MAX_NAME_BYTES} bytes of UTF-8). Symbolic links and partial files of in-progress
 * writes are not listed.
 *
 * <p>Writes are durable before they return: the bytes go to a hidden partial file in the target folder, which is
 * fsynced, renamed into place, and the folder fsynced (with any folder the write created), so an object reported
 * written survives a power loss. Partial files left by a killed process are removed when a listing meets them (see
 * {@link PartialFiles#isAbandoned}).
 *
 * <p>File names must be representable: the JVM must encode them as UTF-8 ({@code sun.jnu.encoding}, which follows
 * the locale), else a store refuses to start rather than garble non-ASCII keys.
 */
public final class LocalBackend implements Backend {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBackend.class);

    private final String name;
    private final Path root;
    private final AtomicFileWrites writes;
    private final KeyPaths keyPaths;

    /**
     * A store named {@code name} over the folder {@code root} (created on first write).
     *
     * @throws StorageConfigException when the JVM cannot represent file names as UTF-8
     */
    public LocalBackend(String name, Path root) {
        this(name, root, FileSync.DURABLE);
    }

    /** A store that makes its writes durable with {@code sync}. */
    LocalBackend(String name, Path root, FileSync sync) {
        PartialFiles.requireUtf8FileNames(name);
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        this.keyPaths = new KeyPaths(name, this.root, this::translate);
        this.writes = new AtomicFileWrites(name, this.root, sync);
    }

    @Override
    public String name() {
        return name;
    }

    /** The root folder. */
    public Path root() {
        return root;
    }

    /**
     * Keeps modification times, lists in code point order (the tree walk sorts each folder), copies server side
     * from any other folder store (a file copy), reports no hashes and holds no metadata.
     */
    private static final Features FEATURES = new Features(
            Set.of(), Set.of(), true, Set.of(), ListingOrder.CODE_POINT, "local-file-system", false, false);

    @Override
    public Features features() {
        return FEATURES;
    }

    /**
     * A source folder that is a file is a mistake in {@code rootPath}. One that does not exist is read as an empty
     * store (the SDK's behaviour, which the spec's examples rely on: a deployment that never wrote an object has no
     * folder yet), with a warning naming the folder, since it is also what a typo in {@code rootPath} looks like.
     */
    @Override
    public void requireReadable() {
        if (Files.isDirectory(root)) {
            return;
        }
        if (!Files.exists(root)) {
            LOG.warn(
                    "{} reads the folder {}, which does not exist: no objects; if that is not expected, check the"
                            + " component's rootPath (relative paths start from the components folder)",
                    name,
                    root);
            return;
        }
        throw new StorageConfigException(
                name,
                name + " reads the folder " + root + ", which is not a folder; check the component's rootPath"
                        + " (relative paths start from the components folder)",
                null);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root)) {
            requireReadable();
        }
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        SortedTreeWalker walker =
                new SortedTreeWalker(root, prefix == null ? "" : prefix, startAfter == null ? "" : startAfter, name);
        return walker.stream();
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        Path file = resolve(key);
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(
                    ObjectInfo.of(key, attrs.size(), attrs.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw translate(key, "stat", e);
        }
    }

    @Override
    public ObjectContent open(String key) {
        return read(key, 0, -1);
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        Backend.checkRange(offset, length);
        return read(key, offset, length);
    }

    /** {@code length} bytes from {@code offset}; all of them for a negative {@code length}. */
    private ObjectContent read(String key, long offset, long length) {
        Path file = resolve(key);
        try {
            if (Files.isDirectory(file)) {
                throw new ObjectNotFoundException(
                        name, key, "no object '" + key + "' in " + name + " (it is a folder)");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            ObjectInfo info = describe(key, file, channel);
            InputStream in = Channels.newInputStream(channel.position(offset));
            return new ObjectContent(length < 0 ? in : new BoundedInputStream(in, length), info);
        } catch (IOException e) {
            throw translate(key, "open", e);
        }
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        try {
            return writes.write(key, resolve(key), data, length, options.lastModified());
        } catch (IOException e) {
            throw translate(key, "write", e);
        }
    }

    @Override
    public boolean delete(String key) {
        Path file = resolve(key);
        try {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                writes.pruneEmptyFolders(file.getParent(), null);
            }
            return deleted;
        } catch (NotDirectoryException e) {
            return false;
        } catch (IOException e) {
            throw translate(key, "delete", e);
        }
    }

    /** The object's size and time as the open file sees them (closing the channel on failure). */
    private static ObjectInfo describe(String key, Path file, FileChannel channel) throws IOException {
        try {
            return ObjectInfo.of(
                    key, channel.size(), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public ObjectInfo copyFrom(Backend source, ObjectInfo object) {
        if (!(source instanceof LocalBackend from)) {
            throw new UnsupportedOperationException(name + " cannot copy server side from " + source.name());
        }
        try {
            return writes.copy(object.key(), from.resolve(object.key()), resolve(object.key()));
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(
                    from.name,
                    object.key(),
                    "no object '" + object.key() + "' in " + from.name + " (" + e.getFile() + ")");
        } catch (IOException e) {
            throw translate(object.key(), "copy", e);
        }
    }

    /**
     * Deletes the partial files ({@code .atlan-partial-*}, left by a write that was killed) older than
     * {@code initiatedBefore} in the folders that can hold keys starting with {@code prefix}; those of a process
     * that is still running (this one included) are left alone.
     */
    @Override
    public int abortIncompleteWrites(String prefix, java.time.Instant initiatedBefore) {
        String p = prefix == null ? "" : prefix;
        try {
            return PartialFiles.removeUnder(root, p, initiatedBefore);
        } catch (IOException e) {
            throw translate(p, "remove partial files under", e);
        }
    }

    @Override
    public String toString() {
        return "LocalBackend[" + name + " at " + root + "]";
    }

    /** The file for {@code key}, refusing keys that are not plain relative paths inside the root. */
    Path resolve(String key) {
        return keyPaths.resolve(key);
    }

    StorageException translate(String key, String operation, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return ObjectNotFoundException.noObject(name, key);
        }
        if (e instanceof AccessDeniedException) {
            return new StoragePermissionException(
                    name,
                    key,
                    "permission denied to " + operation + " '" + key + "' in " + name + " (" + e.getMessage()
                            + "); check the file permissions under " + root,
                    e);
        }
        return new TransientStorageException(name, key, operation + " '" + key + "' in " + name + " failed: " + e, e);
    }
}
