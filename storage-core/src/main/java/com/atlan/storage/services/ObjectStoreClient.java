package com.atlan.storage.services;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.StoreKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The instance form of {@link ObjectStore}: the SDK's calls on one store, without {@code storeName}, with the SDK's
 * defaults ({@code retainLocalCopy} false, {@code recursive} true, {@code downloadPrefix} into the temporary
 * folder). {@link ObjectStore} is the only kind; this class keeps the instance calls apart from its class methods.
 * The store's clients open on first use and stay open until {@link #close()}. Thread-safe.
 */
public abstract sealed class ObjectStoreClient implements AutoCloseable permits ObjectStore {

    private final String storeName;
    private final StoreKeys keys;
    private final Supplier<Backend> opener;
    private StoreOperations operations;

    ObjectStoreClient(String storeName, StoreKeys keys, Supplier<Backend> opener) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** The store name these operations use. */
    public String storeName() {
        return storeName;
    }

    /**
     * Every key the prefix selects, in key order ({@code "orders"} selects {@code orders} and {@code orders/...},
     * never {@code orders_archive/...}; {@code ""} selects all). For very large stores prefer {@link #listObjects}.
     */
    public List<String> listFiles(String prefix) {
        return listKeys(prefix, "");
    }

    /** {@link #listFiles}, keeping only keys that end with {@code suffix} in any case ({@code ""} keeps all). */
    public List<String> listKeys(String prefix, String suffix) {
        return listKeysWithMeta(prefix, suffix).stream().map(ObjectInfo::key).toList();
    }

    /** {@link #listKeys} with each object's size, time, entity tag and hashes, from the listing (no request per key). */
    public List<ObjectInfo> listKeysWithMeta(String prefix, String suffix) {
        return ops().list(prefix, suffix);
    }

    /** Calls {@code consumer} with every object the prefix selects, streaming; returns how many there were. */
    public long listObjects(String prefix, Consumer<ObjectInfo> consumer) {
        return ops().forEach(prefix, consumer);
    }

    /** The object's size, time, entity tag and hashes (one metadata request), or empty when it does not exist. */
    public Optional<ObjectInfo> getFileMeta(String key) {
        return ops().stat(key);
    }

    /** The whole content (empty for a zero-byte object); throws {@link ObjectNotFoundException} when missing. */
    public byte[] getContent(String key) {
        return getContent(key, false);
    }

    /** The whole content, or {@code null} when it does not exist and {@code suppressError}; other errors throw. */
    public byte[] getContent(String key, boolean suppressError) {
        return ops().getContent(key, suppressError);
    }

    /** The object's JSON read as {@code type}, or empty when it does not exist; content that is not JSON throws. */
    public <T> Optional<T> getJson(String key, Class<T> type) {
        return ops().getJson(key, type);
    }

    /** Writes {@code value} as JSON (Jackson) to {@code key}. */
    public UploadResult putJson(String key, Object value) {
        return ops().putJson(key, value);
    }

    /** Whether an object exists (one metadata request, never a download; zero-byte objects exist). */
    public boolean exists(String key) {
        return ops().stat(key).isPresent();
    }

    /** Deletes an object; {@code true} when it existed. */
    public boolean deleteFile(String key) {
        return ops().delete(key);
    }

    /**
     * Deletes every object the prefix selects and returns how many. Objects that vanish meanwhile are not counted;
     * other failures are thrown (the first, the rest suppressed) after every object was tried. A prefix selecting
     * the whole store ({@code null}, {@code ""}, {@code "/"}, the temporary root) is refused: see {@link #deleteAll()}.
     */
    public int deletePrefix(String prefix) {
        return ops().deletePrefix(prefix);
    }

    /** Deletes every object in the store, as {@link #deletePrefix} does, and returns how many. */
    public int deleteAll() {
        return ops().deleteAll();
    }

    /** Writes {@code content} to {@code destination} (a key or local staging path). */
    public UploadResult uploadFileFromBytes(byte[] content, String destination) {
        return ops().putBytes(destination, content);
    }

    /** {@link #uploadFile(Path, String, boolean)} with the SDK's default: a staged file is removed after upload. */
    public UploadResult uploadFile(Path source, String destination) {
        return uploadFile(source, destination, false);
    }

    /**
     * Streams a local file to {@code destination}. Without {@code retainLocalCopy}, the file is removed after a
     * successful upload when it lies under the temporary folder ({@code ATLAN_TEMPORARY_PATH}, the SDK's staging
     * area); a file anywhere else is never removed, so a mistaken path cannot delete a user's own data.
     */
    public UploadResult uploadFile(Path source, String destination, boolean retainLocalCopy) {
        return files().uploadFile(source, destination, retainLocalCopy);
    }

    /** {@link #uploadPrefix(Path, String, boolean, boolean)}, recursive, removing staged files (SDK defaults). */
    public List<String> uploadPrefix(Path source, String destination) {
        return uploadPrefix(source, destination, true, false);
    }

    /**
     * Uploads the files of a local folder to keys under {@code destination}, keeping relative paths (only the top
     * folder unless {@code recursive}; symbolic links are skipped), and returns the keys written. Staged files are
     * removed as {@link #uploadFile(Path, String, boolean)} removes them.
     */
    public List<String> uploadPrefix(Path source, String destination, boolean recursive, boolean retainLocalCopy) {
        return files().uploadPrefix(source, destination, recursive, retainLocalCopy);
    }

    /** Downloads an object to a local file (written atomically; parent folders are created). */
    public void downloadFile(String source, Path destination) {
        files().downloadFile(source, destination);
    }

    /** {@link #downloadPrefix(String, Path)} into the temporary folder, the SDK's default destination. */
    public List<Path> downloadPrefix(String source) {
        return downloadPrefix(source, keys.temporaryRoot());
    }

    /**
     * Downloads every object the prefix selects into {@code destination}, each at its path below the prefix, and
     * returns the files written. Nothing is written when a key would land outside {@code destination} or two keys on
     * one file: that is refused first.
     */
    public List<Path> downloadPrefix(String source, Path destination) {
        return files().downloadPrefix(source, destination);
    }

    /** Closes the store's clients; the next operation opens them again. */
    @Override
    public synchronized void close() {
        if (operations != null) {
            operations.store().close();
            operations = null;
        }
    }

    private synchronized StoreOperations ops() {
        if (operations == null) {
            operations = new StoreOperations(opener.get(), keys);
        }
        return operations;
    }

    private LocalFiles files() {
        return new LocalFiles(ops());
    }
}
