package com.atlan.storage.services;

import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind {@link ObjectStore}'s transfers between local files and one store: uploads that may remove
 * staged files, and downloads written atomically.
 */
final class LocalFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);

    private final StoreOperations operations;
    private final String storeName;

    LocalFiles(StoreOperations operations) {
        this.operations = operations;
        this.storeName = operations.store().name();
    }

    UploadResult uploadFile(Path source, String destination, boolean retainLocalCopy) {
        String key = operations.requireKey(destination);
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("upload source " + source + " is not a file");
        }
        UploadResult result = upload(source, key);
        if (!retainLocalCopy) {
            removeIfStaged(source);
        }
        return result;
    }

    List<String> uploadPrefix(Path source, String destination, boolean recursive, boolean retainLocalCopy) {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("upload source " + source + " is not a folder");
        }
        String base = operations.keys().toKey(destination);
        List<String> uploaded = new ArrayList<>();
        try (Stream<Path> files = recursive ? Files.walk(source) : Files.list(source)) {
            for (Path file : (Iterable<Path>) files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted()::iterator) {
                String relative = source.relativize(file).toString().replace('\\', '/');
                uploaded.add(upload(file, base.isEmpty() ? relative : base + "/" + relative)
                        .key());
                if (!retainLocalCopy) {
                    removeIfStaged(file);
                }
            }
        } catch (IOException e) {
            throw new TransientStorageException(storeName, base, "reading folder " + source + " failed: " + e, e);
        }
        return uploaded;
    }

    void downloadFile(String source, Path destination) {
        String key = operations.requireKey(source);
        ObjectInfo object = operations.store().require(key);
        download(object, destination);
    }

    /**
     * Downloads what {@code source} selects into {@code destination}, each key at its path below the prefix. Every
     * target is checked before anything is written: a key that would land outside {@code destination}, or on the
     * same file as another key, is refused.
     */
    List<Path> downloadPrefix(String source, Path destination) {
        KeyPrefix prefix = KeyPrefix.of(source, operations.keys());
        Path root = destination.toAbsolutePath().normalize();
        Map<Path, ObjectInfo> targets = new LinkedHashMap<>();
        try (Stream<ObjectInfo> objects = operations.select(source)) {
            for (ObjectInfo object : (Iterable<ObjectInfo>) objects::iterator) {
                Path target = root.resolve(prefix.relativize(object.key())).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new InvalidKeyException(
                            storeName,
                            object.key(),
                            "key '" + object.key() + "' would be written outside " + root
                                    + "; refusing to download it");
                }
                ObjectInfo other = targets.putIfAbsent(target, object);
                if (other != null) {
                    throw new InvalidKeyException(
                            storeName,
                            object.key(),
                            "keys '" + other.key() + "' and '" + object.key() + "' would both be written to " + target
                                    + "; download them one by one");
                }
            }
        }
        targets.forEach((target, object) -> download(object, target));
        return List.copyOf(targets.keySet());
    }

    private UploadResult upload(Path file, String key) {
        try (InputStream in = Files.newInputStream(file)) {
            return operations.put(
                    key,
                    in,
                    Files.size(file),
                    PutOptions.withLastModified(Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException e) {
            throw new TransientStorageException(storeName, key, "reading " + file + " for upload failed: " + e, e);
        }
    }

    private void download(ObjectInfo object, Path target) {
        Path partial = null;
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            partial = Files.createTempFile(parent, ".atlan-partial-", ".download");
            try (InputStream in = operations.store().open(object.key())) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(partial) != object.size()) {
                throw new IntegrityException(
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

    /**
     * Removes an uploaded file when it lies under the temporary root, the SDK's staging area. Both paths are
     * resolved through symbolic links first, so a link inside the staging area never removes a file outside it;
     * a user's own file (any path outside the staging area) is never removed.
     */
    private void removeIfStaged(Path file) {
        Path stagingRoot = operations.keys().temporaryRoot();
        try {
            Path real = file.toRealPath();
            if (!Files.isDirectory(stagingRoot) || !real.startsWith(stagingRoot.toRealPath())) {
                LOG.debug("keeping {}: only files under {} are removed after upload", file, stagingRoot);
                return;
            }
            Files.deleteIfExists(real);
        } catch (IOException e) {
            LOG.warn("could not remove {} after upload: {}", file, e.toString());
        }
    }
}
