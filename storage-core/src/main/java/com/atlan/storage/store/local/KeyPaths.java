package com.atlan.storage.store.local;

import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Maps keys to files under a root and refuses keys that are not plain relative paths inside it: empty, {@code .}
 * or {@code ..} segments, absolute keys, backslashes, NUL, segments longer than a file name may be, and keys that
 * reach through a symbolic link out of the root.
 */
final class KeyPaths {

    /** The longest file name, in bytes of UTF-8, that common file systems (ext4, XFS, APFS, NTFS) hold. */
    static final int MAX_NAME_BYTES = 255;

    private final String name;
    private final Path root;
    private final BiFunction<String, IOException, StorageException> translate;

    KeyPaths(String name, Path root, TriTranslate translate) {
        this.name = name;
        this.root = root;
        this.translate = (key, e) -> translate.apply(key, "resolve", e);
    }

    /** Turns an I/O failure into the store's typed error. */
    @FunctionalInterface
    interface TriTranslate {
        StorageException apply(String key, String operation, IOException e);
    }

    /** The file for {@code key}, refusing keys that are not plain relative paths inside the root. */
    Path resolve(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidKeyException(name, key, "an empty key names no object in " + name);
        }
        if (key.startsWith("/") || key.endsWith("/") || key.indexOf('\0') >= 0 || key.indexOf('\\') >= 0) {
            throw new InvalidKeyException(
                    name,
                    key,
                    "key '" + key + "' is not a relative path" + " (no leading or trailing '/', no '\\', no NUL); "
                            + name + " cannot store it");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidKeyException(
                        name,
                        key,
                        "key '" + key + "' has an empty, '.' or '..' segment;" + " it would not stay inside " + root);
            }
            int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                throw new InvalidKeyException(
                        name,
                        key,
                        "key '" + key + "' has a path segment of " + bytes + " bytes; a file name holds at most "
                                + MAX_NAME_BYTES + ", so " + name + " cannot store it");
            }
        }
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new InvalidKeyException(name, key, "key '" + key + "' escapes the root " + root);
        }
        checkNoLinkOutOfRoot(key, file);
        return file;
    }

    /** Refuses {@code path} when it, or the nearest existing folder above it, is reached through a link leading out of the root. */
    private void checkNoLinkOutOfRoot(String key, Path path) {
        Path existing = path;
        while (existing != null && existing.startsWith(root) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null || !existing.startsWith(root) || existing.equals(root)) {
            return;
        }
        try {
            Path real = existing.toRealPath();
            Path realRoot = root.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new InvalidKeyException(
                        name,
                        key,
                        "key '" + key + "' passes through the symbolic link " + existing
                                + " which leads out of the root " + root);
            }
        } catch (NoSuchFileException e) {
            // a dangling link: nothing it names can be read, and writing replaces the link itself
        } catch (IOException e) {
            throw translate.apply(key, e);
        }
    }
}
