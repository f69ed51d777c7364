package com.atlan.storage.services;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.Listings;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoreKeys;
import com.atlan.storage.store.TransientStorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File operations on a named object store, with the Python SDK's {@code ObjectStore} names and defaults:
 * paths may be keys or local staging paths ({@code ./local/tmp/...}, see {@link StoreKeys}), and the store
 * defaults to the deployment store ({@code DEPLOYMENT_OBJECT_STORE_NAME}).
 *
 * <p>The store's clients are opened on first use and kept until {@link #close()}.
 *
 * <p>Unlike the SDK: objects stream instead of being read whole (except {@link #getContent}), zero-byte
 * objects are valid, {@code suppressError} hides only "not found", {@link #exists} never downloads,
 * {@link #deletePrefix} returns a count and reports failures, and prefix downloads keep relative paths and
 * refuse keys that would escape the target folder.
 *
 * <pre>{@code
 * try (ObjectStore deployment = ObjectStore.fromEnvironment()) {
 *     List<String> files = deployment.listFiles("processed/2024/");
 *     byte[] data = deployment.getContent(files.get(0));
 * }
 * }</pre>
 */
public final class ObjectStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);

    private final StorageConfiguration configuration;
    private final String storeName;
    private final StoreKeys keys;
    private Backend store;

    /** Operations on the store named {@code storeName} in {@code configuration}. */
    public ObjectStore(StorageConfiguration configuration, String storeName) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.keys = StoreKeys.defaults();
    }

    /** The deployment store configured from the environment. */
    public static ObjectStore fromEnvironment() {
        StorageConfiguration configuration = StorageConfiguration.load();
        return new ObjectStore(configuration, configuration.storeNames().deployment());
    }

    /** The store named {@code storeName}, configured from the environment. */
    public static ObjectStore named(String storeName) {
        return new ObjectStore(StorageConfiguration.load(), storeName);
    }

    /** The store name these operations use. */
    public String storeName() {
        return storeName;
    }

    /** The normalised store key for a key or local path. */
    public String asStoreKey(String path) {
        return keys.toKey(path);
    }

    /**
     * Every key the prefix selects, in key order ({@code "orders"} selects {@code orders} and
     * {@code orders/...}, never {@code orders_archive/...}; {@code ""} selects all). Pages through listings
     * of any size. For very large stores prefer {@link #listObjects}, which streams.
     */
    public List<String> listFiles(String prefix) {
        return withStore(store -> {
            try (Stream<ObjectInfo> objects = Listings.select(store, KeyPrefix.of(prefix, keys), null)) {
                return objects.map(ObjectInfo::key).toList();
            }
        });
    }

    /**
     * Calls {@code consumer} with every object the prefix selects, streaming: memory does not grow with the
     * number of objects.
     *
     * @return the number of objects seen
     */
    public long listObjects(String prefix, java.util.function.Consumer<ObjectInfo> consumer) {
        return withStore(store -> {
            try (Stream<ObjectInfo> objects = Listings.select(store, KeyPrefix.of(prefix, keys), null)) {
                long[] count = {0};
                objects.forEach(o -> {
                    count[0]++;
                    consumer.accept(o);
                });
                return count[0];
            }
        });
    }

    /**
     * The whole content of an object (a zero-byte object gives an empty array).
     *
     * @throws ObjectNotFoundException when there is no such object
     */
    public byte[] getContent(String key) {
        return getContent(key, false);
    }

    /**
     * The whole content of an object, or {@code null} when it does not exist and {@code suppressError} is
     * set. Other failures (permissions, network) are always thrown.
     */
    public byte[] getContent(String key, boolean suppressError) {
        String k = requireKey(key);
        return withStore(store -> {
            try (InputStream in = store.open(k)) {
                return in.readAllBytes();
            } catch (ObjectNotFoundException e) {
                if (suppressError) {
                    return null;
                }
                throw e;
            } catch (IOException e) {
                throw new TransientStorageException(
                        storeName, k, "reading '" + k + "' from " + storeName + " failed: " + e, e);
            }
        });
    }

    /** Whether an object exists (one metadata request, never a download; zero-byte objects exist). */
    public boolean exists(String key) {
        String k = requireKey(key);
        return withStore(store -> store.stat(k).isPresent());
    }

    /**
     * Deletes an object.
     *
     * @return {@code true} when it existed
     */
    public boolean deleteFile(String key) {
        String k = requireKey(key);
        return withStore(store -> store.delete(k));
    }

    /**
     * Deletes every object the prefix selects. Objects that vanish meanwhile are not counted; other failures
     * are collected and the first is thrown (with the rest suppressed) after every object was tried.
     *
     * @return the number of objects deleted
     */
    public int deletePrefix(String prefix) {
        return withStore(store -> {
            List<StorageException> failures = new ArrayList<>();
            int deleted = 0;
            try (Stream<ObjectInfo> objects = Listings.select(store, KeyPrefix.of(prefix, keys), null)) {
                for (ObjectInfo object : (Iterable<ObjectInfo>) objects::iterator) {
                    try {
                        if (store.delete(object.key())) {
                            deleted++;
                        }
                    } catch (StorageException e) {
                        failures.add(e);
                    }
                }
            }
            if (!failures.isEmpty()) {
                StorageException first = failures.getFirst();
                failures.subList(1, failures.size()).forEach(first::addSuppressed);
                LOG.warn(
                        "deleted {} objects under '{}' in {}; {} could not be deleted",
                        deleted,
                        prefix,
                        storeName,
                        failures.size());
                throw first;
            }
            LOG.info("deleted {} objects under '{}' in {}", deleted, prefix, storeName);
            return deleted;
        });
    }

    /** Uploads bytes to {@code destination} (a key or local staging path). */
    public void uploadFileFromBytes(byte[] content, String destination) {
        String k = requireKey(destination);
        withStore(store -> store.put(k, new ByteArrayInputStream(content), content.length, PutOptions.DEFAULT));
    }

    /** {@link #uploadFile(Path, String, boolean)} keeping the local file. */
    public void uploadFile(Path source, String destination) {
        uploadFile(source, destination, true);
    }

    /**
     * Streams a local file to {@code destination}. With {@code retainLocalCopy} false the local file is
     * deleted after the upload, but only when it lies under the temporary folder
     * ({@code ATLAN_TEMPORARY_PATH}), so a mistaken path can never delete a user's own file.
     */
    public void uploadFile(Path source, String destination, boolean retainLocalCopy) {
        String k = requireKey(destination);
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("upload source " + source + " is not a file");
        }
        withStore(store -> {
            upload(store, source, k);
            return null;
        });
        if (!retainLocalCopy) {
            cleanUpLocal(source);
        }
    }

    /**
     * Uploads every file in a local folder to keys under {@code destination}, keeping relative paths
     * (only the top folder unless {@code recursive}). Symbolic links are skipped.
     *
     * @return the number of files uploaded
     */
    public int uploadPrefix(Path source, String destination, boolean recursive) {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("upload source " + source + " is not a folder");
        }
        String base = keys.toKey(destination);
        return withStore(store -> {
            int uploaded = 0;
            try (Stream<Path> files = recursive ? Files.walk(source) : Files.list(source)) {
                for (Path file : (Iterable<Path>)
                        files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                                .sorted()::iterator) {
                    String relative = source.relativize(file).toString().replace('\\', '/');
                    upload(store, file, base.isEmpty() ? relative : base + "/" + relative);
                    uploaded++;
                }
            } catch (IOException e) {
                throw new TransientStorageException(storeName, base, "reading folder " + source + " failed: " + e, e);
            }
            return uploaded;
        });
    }

    /** Downloads an object to a local file (written atomically; parent folders are created). */
    public void downloadFile(String source, Path destination) {
        String k = requireKey(source);
        withStore(store -> {
            download(
                    store,
                    store.stat(k)
                            .orElseThrow(() ->
                                    new ObjectNotFoundException(storeName, k, "no object '" + k + "' in " + storeName)),
                    destination);
            return null;
        });
    }

    /**
     * Downloads every object the prefix selects into {@code destination}, keeping each key's path below the
     * prefix. A key that would land outside {@code destination} is refused.
     *
     * @return the number of files written
     */
    public int downloadPrefix(String source, Path destination) {
        KeyPrefix prefix = KeyPrefix.of(source, keys);
        Path root = destination.toAbsolutePath().normalize();
        return withStore(store -> {
            int downloaded = 0;
            try (Stream<ObjectInfo> objects = Listings.select(store, prefix, null)) {
                for (ObjectInfo object : (Iterable<ObjectInfo>) objects::iterator) {
                    Path target = root.resolve(prefix.relativize(object.key())).normalize();
                    if (!target.startsWith(root) || target.equals(root)) {
                        throw new InvalidKeyException(
                                storeName,
                                object.key(),
                                "key '" + object.key() + "' would be written outside " + root
                                        + "; refusing to download it");
                    }
                    download(store, object, target);
                    downloaded++;
                }
            }
            return downloaded;
        });
    }

    private void upload(Backend store, Path file, String key) {
        try (InputStream in = Files.newInputStream(file)) {
            store.put(
                    key,
                    in,
                    Files.size(file),
                    PutOptions.withLastModified(Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException e) {
            throw new TransientStorageException(storeName, key, "reading " + file + " for upload failed: " + e, e);
        }
    }

    private void download(Backend store, ObjectInfo object, Path target) {
        Path partial = null;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            partial = Files.createTempFile(target.toAbsolutePath().getParent(), ".atlan-partial-", ".download");
            try (InputStream in = store.open(object.key())) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(partial) != object.size()) {
                throw new com.atlan.storage.store.IntegrityException(
                        storeName,
                        object.key(),
                        "downloaded " + Files.size(partial) + " bytes of '" + object.key() + "' but it is listed with "
                                + object.size());
            }
            if (object.lastModified() != null) {
                Files.setLastModifiedTime(partial, FileTime.from(object.lastModified()));
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            partial = null;
        } catch (IOException e) {
            throw new TransientStorageException(
                    storeName, object.key(), "downloading '" + object.key() + "' to " + target + " failed: " + e, e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a leftover partial file has a hidden name and is replaced by the next download
                }
            }
        }
    }

    private void cleanUpLocal(Path file) {
        Path temporaryRoot = keys.temporaryRoot();
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(temporaryRoot)) {
            LOG.info("keeping {}: only files under {} are removed after upload", file, temporaryRoot);
            return;
        }
        try {
            Files.deleteIfExists(absolute);
        } catch (IOException e) {
            LOG.warn("could not remove {} after upload: {}", file, e.toString());
        }
    }

    private String requireKey(String path) {
        String k = keys.toKey(path);
        if (k.isEmpty()) {
            throw new InvalidKeyException(
                    storeName, path, "'" + path + "' names no object (it is empty or the" + " temporary root itself)");
        }
        return k;
    }

    private <T> T withStore(Function<Backend, T> operation) {
        return operation.apply(store());
    }

    private synchronized Backend store() {
        if (store == null) {
            store = configuration.objectStore(storeName);
        }
        return store;
    }

    /** Closes the store's clients; the next operation opens them again. */
    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
