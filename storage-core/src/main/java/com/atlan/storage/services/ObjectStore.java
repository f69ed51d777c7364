package com.atlan.storage.services;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.StoreKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * File operations on a named object store, in two forms.
 *
 * <p><b>Class methods</b>, as the Python SDK's {@code ObjectStore} calls them: each SDK method is a static method of
 * the same name taking the SDK's parameters in the SDK's order, {@code storeName} included
 * ({@code ObjectStore.listFiles(prefix, storeName)}, {@code ObjectStore.getContent(key, storeName, suppressError)}).
 * A shorter overload with the SDK's defaults exists where it does not clash with the instance form
 * ({@link #listFiles()}); every call has an {@code ...Async} twin returning a {@link CompletableFuture} run on a
 * virtual thread, and the twins have all the SDK's defaults, store included ({@link #getContentAsync(String,
 * boolean)} reads the deployment store, {@link #uploadFileFromBytesAsync(byte[], String)} writes the upstream one).
 * Stores come from {@link StorageContext}: the environment's Dapr components unless set, opened once and kept.
 *
 * <p><b>Instances</b> bind one store ({@link #named}, or the constructor for your own configuration) and have the
 * same calls without {@code storeName}, with the SDK's defaults (see {@link ObjectStoreClient}).
 *
 * <p>Paths may be keys or local staging paths ({@code ./local/tmp/...}, see {@link StoreKeys}). Unlike the SDK:
 * objects stream instead of being read whole (except {@code getContent}), zero-byte objects are valid and read as
 * empty, {@code suppressError} hides only "not found", {@code exists} never downloads, {@code deletePrefix} returns
 * a count, reports failures after trying every object and refuses to select the whole store (that is
 * {@code deleteAll}), uploads return the content's SHA-256 and only ever remove local files under the temporary
 * folder, and prefix downloads keep relative paths and refuse keys that would escape the target folder.
 * docs/porting.md maps every SDK call (v2 {@code services} and v3 {@code storage}) to its Java form.
 *
 * <pre>{@code
 * List<String> files = ObjectStore.listFiles("processed/2024/", "objectstore");
 * byte[] data = ObjectStore.getContent(files.get(0), "objectstore", true);     // null only when missing
 * UploadResult sent = ObjectStore.uploadFileFromBytesAsync(report, "reports/r.json").join();  // upstream store
 * try (ObjectStore upstream = ObjectStore.named("upstream-objectstore")) {
 *     upstream.putJson("runs/1.json", Map.of("files", files.size()));
 * }
 * }</pre>
 */
public final class ObjectStore extends ObjectStoreClient {

    /** Operations on the store named {@code storeName} in {@code configuration}. */
    public ObjectStore(StorageConfiguration configuration, String storeName) {
        this(storeName, configuration.storeKeys(), () -> configuration.objectStore(storeName));
    }

    /** Operations on whatever {@code opener} opens (tests put faults between the facade and a store). */
    ObjectStore(String storeName, StoreKeys keys, Supplier<Backend> opener) {
        super(storeName, keys, opener);
    }

    /** The deployment store of {@link StorageContext}'s configuration; close it when done. */
    public static ObjectStore fromEnvironment() {
        return named(StorageContext.storeNames().deployment());
    }

    /** The store named {@code storeName} in {@link StorageContext}'s configuration; close it when done. */
    public static ObjectStore named(String storeName) {
        return new ObjectStore(StorageContext.configuration(), storeName);
    }

    // ---- class methods: the SDK's calls, store by name -------------------------------------------------------

    /** The normalised store key for a key or local path (the SDK's {@code as_store_key}). */
    public static String asStoreKey(String path) {
        return StorageContext.storeKeys().toKey(path);
    }

    /** Every key in the deployment store (the SDK's {@code list_files()}). */
    public static List<String> listFiles() {
        return listFiles("", deployment());
    }

    /** {@link #listFiles(String)} on the store named {@code storeName}. */
    public static List<String> listFiles(String prefix, String storeName) {
        return store(storeName).listFiles(prefix);
    }

    /** {@link #listKeys(String, String)} on the store named {@code storeName} (v3's {@code list_keys}). */
    public static List<String> listKeys(String prefix, String storeName, String suffix) {
        return store(storeName).listKeys(prefix, suffix);
    }

    /** {@link #listKeysWithMeta(String, String)} on the store named {@code storeName}. */
    public static List<ObjectInfo> listKeysWithMeta(String prefix, String storeName, String suffix) {
        return store(storeName).listKeysWithMeta(prefix, suffix);
    }

    /** {@link #getFileMeta(String)} on the store named {@code storeName}. */
    public static Optional<ObjectInfo> getFileMeta(String key, String storeName) {
        return store(storeName).getFileMeta(key);
    }

    /** {@link #getContent(String)} on the store named {@code storeName}. */
    public static byte[] getContent(String key, String storeName) {
        return store(storeName).getContent(key);
    }

    /** {@link #getContent(String, boolean)} on the store named {@code storeName}. */
    public static byte[] getContent(String key, String storeName, boolean suppressError) {
        return store(storeName).getContent(key, suppressError);
    }

    /** {@link #getJson(String, Class)} on the store named {@code storeName}. */
    public static <T> Optional<T> getJson(String key, String storeName, Class<T> type) {
        return store(storeName).getJson(key, type);
    }

    /** {@link #putJson(String, Object)} on the store named {@code storeName} (v3's {@code put_json}). */
    public static UploadResult putJson(String key, Object value, String storeName) {
        return store(storeName).putJson(key, value);
    }

    /** {@link #exists(String)} on the store named {@code storeName}. */
    public static boolean exists(String key, String storeName) {
        return store(storeName).exists(key);
    }

    /** {@link #deleteFile(String)} on the store named {@code storeName}. */
    public static boolean deleteFile(String key, String storeName) {
        return store(storeName).deleteFile(key);
    }

    /** {@link #deletePrefix(String)} on the store named {@code storeName}. */
    public static int deletePrefix(String prefix, String storeName) {
        return store(storeName).deletePrefix(prefix);
    }

    /** {@link #deleteAll()} on the store named {@code storeName}. */
    public static int deleteAll(String storeName) {
        return store(storeName).deleteAll();
    }

    /** {@link #uploadFile(Path, String)} to the store named {@code storeName}. */
    public static UploadResult uploadFile(Path source, String destination, String storeName) {
        return store(storeName).uploadFile(source, destination);
    }

    /** {@link #uploadFile(Path, String, boolean)} to the store named {@code storeName}. */
    public static UploadResult uploadFile(Path source, String destination, String storeName, boolean retainLocalCopy) {
        return store(storeName).uploadFile(source, destination, retainLocalCopy);
    }

    /** {@link #uploadFileFromBytes(byte[], String)} to the store named {@code storeName}. */
    public static UploadResult uploadFileFromBytes(byte[] content, String destination, String storeName) {
        return store(storeName).uploadFileFromBytes(content, destination);
    }

    /** {@link #uploadPrefix(Path, String)} to the store named {@code storeName}. */
    public static List<String> uploadPrefix(Path source, String destination, String storeName) {
        return store(storeName).uploadPrefix(source, destination);
    }

    /** {@link #uploadPrefix(Path, String, boolean, boolean)} to the store named {@code storeName}, removing staged files. */
    public static List<String> uploadPrefix(Path source, String destination, String storeName, boolean recursive) {
        return store(storeName).uploadPrefix(source, destination, recursive, false);
    }

    /** {@link #uploadPrefix(Path, String, boolean, boolean)} to the store named {@code storeName}. */
    public static List<String> uploadPrefix(
            Path source, String destination, String storeName, boolean recursive, boolean retainLocalCopy) {
        return store(storeName).uploadPrefix(source, destination, recursive, retainLocalCopy);
    }

    /** {@link #downloadFile(String, Path)} from the store named {@code storeName}. */
    public static void downloadFile(String source, Path destination, String storeName) {
        store(storeName).downloadFile(source, destination);
    }

    /** {@link #downloadPrefix(String, Path)} from the store named {@code storeName}. */
    public static List<Path> downloadPrefix(String source, Path destination, String storeName) {
        return store(storeName).downloadPrefix(source, destination);
    }

    // ---- the class methods in the background, each on a virtual thread ------------------------------------------

    /** {@link #listFiles()} in the background. */
    public static CompletableFuture<List<String>> listFilesAsync() {
        return async(ObjectStore::listFiles);
    }

    /** {@link #listFiles(String, String)} on the deployment store, in the background. */
    public static CompletableFuture<List<String>> listFilesAsync(String prefix) {
        return async(() -> listFiles(prefix, deployment()));
    }

    /** {@link #listFiles(String, String)} in the background. */
    public static CompletableFuture<List<String>> listFilesAsync(String prefix, String storeName) {
        return async(() -> listFiles(prefix, storeName));
    }

    /** {@link #listKeys(String, String, String)} in the background. */
    public static CompletableFuture<List<String>> listKeysAsync(String prefix, String storeName, String suffix) {
        return async(() -> listKeys(prefix, storeName, suffix));
    }

    /** {@link #listKeysWithMeta(String, String, String)} in the background. */
    public static CompletableFuture<List<ObjectInfo>> listKeysWithMetaAsync(
            String prefix, String storeName, String suffix) {
        return async(() -> listKeysWithMeta(prefix, storeName, suffix));
    }

    /** {@link #getFileMeta(String, String)} in the background. */
    public static CompletableFuture<Optional<ObjectInfo>> getFileMetaAsync(String key, String storeName) {
        return async(() -> getFileMeta(key, storeName));
    }

    /** {@link #getContent(String, String)} in the background. */
    public static CompletableFuture<byte[]> getContentAsync(String key, String storeName) {
        return async(() -> getContent(key, storeName));
    }

    /** {@link #getContent(String, String)} on the deployment store, in the background. */
    public static CompletableFuture<byte[]> getContentAsync(String key) {
        return async(() -> getContent(key, deployment()));
    }

    /** {@link #getContent(String, String, boolean)} on the deployment store, in the background. */
    public static CompletableFuture<byte[]> getContentAsync(String key, boolean suppressError) {
        return async(() -> getContent(key, deployment(), suppressError));
    }

    /** {@link #getContent(String, String, boolean)} in the background. */
    public static CompletableFuture<byte[]> getContentAsync(String key, String storeName, boolean suppressError) {
        return async(() -> getContent(key, storeName, suppressError));
    }

    /** {@link #getJson(String, String, Class)} in the background. */
    public static <T> CompletableFuture<Optional<T>> getJsonAsync(String key, String storeName, Class<T> type) {
        return async(() -> getJson(key, storeName, type));
    }

    /** {@link #putJson(String, Object, String)} in the background. */
    public static CompletableFuture<UploadResult> putJsonAsync(String key, Object value, String storeName) {
        return async(() -> putJson(key, value, storeName));
    }

    /** {@link #exists(String, String)} in the background. */
    public static CompletableFuture<Boolean> existsAsync(String key, String storeName) {
        return async(() -> exists(key, storeName));
    }

    /** {@link #exists(String, String)} on the deployment store, in the background. */
    public static CompletableFuture<Boolean> existsAsync(String key) {
        return async(() -> exists(key, deployment()));
    }

    /** {@link #deleteFile(String, String)} in the background. */
    public static CompletableFuture<Boolean> deleteFileAsync(String key, String storeName) {
        return async(() -> deleteFile(key, storeName));
    }

    /** {@link #deleteFile(String, String)} on the deployment store, in the background. */
    public static CompletableFuture<Boolean> deleteFileAsync(String key) {
        return async(() -> deleteFile(key, deployment()));
    }

    /** {@link #deletePrefix(String, String)} in the background. */
    public static CompletableFuture<Integer> deletePrefixAsync(String prefix, String storeName) {
        return async(() -> deletePrefix(prefix, storeName));
    }

    /** {@link #deletePrefix(String, String)} on the deployment store, in the background. */
    public static CompletableFuture<Integer> deletePrefixAsync(String prefix) {
        return async(() -> deletePrefix(prefix, deployment()));
    }

    /** {@link #deleteAll(String)} in the background. */
    public static CompletableFuture<Integer> deleteAllAsync(String storeName) {
        return async(() -> deleteAll(storeName));
    }

    /** {@link #uploadFile(Path, String, String)} in the background. */
    public static CompletableFuture<UploadResult> uploadFileAsync(Path source, String destination, String storeName) {
        return async(() -> uploadFile(source, destination, storeName));
    }

    /** {@link #uploadFile(Path, String, String)} to the deployment store, in the background. */
    public static CompletableFuture<UploadResult> uploadFileAsync(Path source, String destination) {
        return async(() -> uploadFile(source, destination, deployment()));
    }

    /** {@link #uploadFile(Path, String, String, boolean)} in the background. */
    public static CompletableFuture<UploadResult> uploadFileAsync(
            Path source, String destination, String storeName, boolean retainLocalCopy) {
        return async(() -> uploadFile(source, destination, storeName, retainLocalCopy));
    }

    /** {@link #uploadFileFromBytes(byte[], String, String)} in the background. */
    public static CompletableFuture<UploadResult> uploadFileFromBytesAsync(
            byte[] content, String destination, String storeName) {
        return async(() -> uploadFileFromBytes(content, destination, storeName));
    }

    /** {@link #uploadFileFromBytes(byte[], String, String)} to the upstream store, the SDK's default. */
    public static CompletableFuture<UploadResult> uploadFileFromBytesAsync(byte[] content, String destination) {
        return async(() -> uploadFileFromBytes(
                content, destination, StorageContext.storeNames().upstream()));
    }

    /** {@link #uploadPrefix(Path, String, String)} in the background. */
    public static CompletableFuture<List<String>> uploadPrefixAsync(Path source, String destination, String storeName) {
        return async(() -> uploadPrefix(source, destination, storeName));
    }

    /** {@link #uploadPrefix(Path, String, String)} to the deployment store, in the background. */
    public static CompletableFuture<List<String>> uploadPrefixAsync(Path source, String destination) {
        return async(() -> uploadPrefix(source, destination, deployment()));
    }

    /** {@link #uploadPrefix(Path, String, String, boolean)} in the background. */
    public static CompletableFuture<List<String>> uploadPrefixAsync(
            Path source, String destination, String storeName, boolean recursive) {
        return async(() -> uploadPrefix(source, destination, storeName, recursive));
    }

    /** {@link #uploadPrefix(Path, String, String, boolean, boolean)} in the background. */
    public static CompletableFuture<List<String>> uploadPrefixAsync(
            Path source, String destination, String storeName, boolean recursive, boolean retainLocalCopy) {
        return async(() -> uploadPrefix(source, destination, storeName, recursive, retainLocalCopy));
    }

    /** {@link #downloadFile(String, Path, String)} in the background. */
    public static CompletableFuture<Void> downloadFileAsync(String source, Path destination, String storeName) {
        return async(() -> {
            downloadFile(source, destination, storeName);
            return null;
        });
    }

    /** {@link #downloadFile(String, Path, String)} from the deployment store, in the background. */
    public static CompletableFuture<Void> downloadFileAsync(String source, Path destination) {
        return async(() -> {
            downloadFile(source, destination, deployment());
            return null;
        });
    }

    /** {@link #downloadPrefix(String, Path, String)} in the background. */
    public static CompletableFuture<List<Path>> downloadPrefixAsync(String source, Path destination, String storeName) {
        return async(() -> downloadPrefix(source, destination, storeName));
    }

    /** {@link #downloadPrefix(String, Path, String)} from the deployment store into the temporary folder, in the background. */
    public static CompletableFuture<List<Path>> downloadPrefixAsync(String source) {
        return async(() -> store(deployment()).downloadPrefix(source));
    }

    private static String deployment() {
        return StorageContext.storeNames().deployment();
    }

    private static ObjectStore store(String storeName) {
        return StorageContext.objectStore(storeName);
    }

    private static <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(
                call,
                task -> Thread.ofVirtual().name("atlan-storage-objectstore").start(task));
    }
}
