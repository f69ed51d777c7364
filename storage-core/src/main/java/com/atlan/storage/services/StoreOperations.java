package com.atlan.storage.services;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.Listings;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoreKeys;
import com.atlan.storage.store.TransientStorageException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind {@link ObjectStore}'s calls on one open store: listings, single objects, deletes, JSON and
 * hashed writes. Paths are keys or local staging paths, normalised with the configuration's {@link StoreKeys}.
 */
final class StoreOperations {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest array the JVM allocates; getContent refuses bigger objects instead of failing with an OOM. */
    private static final long MAX_CONTENT = Integer.MAX_VALUE - 8;

    private final Backend store;
    private final StoreKeys keys;

    StoreOperations(Backend store, StoreKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    StoreKeys keys() {
        return keys;
    }

    Backend store() {
        return store;
    }

    /** The objects {@code prefix} selects whose key ends with {@code suffix} (any case; empty for all), in key order. */
    List<ObjectInfo> list(String prefix, String suffix) {
        String wanted = suffix == null ? "" : suffix.toLowerCase(Locale.ROOT);
        try (Stream<ObjectInfo> objects = select(prefix)) {
            return objects.filter(o ->
                            wanted.isEmpty() || o.key().toLowerCase(Locale.ROOT).endsWith(wanted))
                    // a store may list in another order (UTF-16, file system); the SDK returns sorted keys
                    .sorted(Comparator.comparing(ObjectInfo::key, KeyOrder.COMPARATOR))
                    .toList();
        }
    }

    long forEach(String prefix, Consumer<ObjectInfo> consumer) {
        try (Stream<ObjectInfo> objects = select(prefix)) {
            long[] count = {0};
            objects.forEach(o -> {
                count[0]++;
                consumer.accept(o);
            });
            return count[0];
        }
    }

    Optional<ObjectInfo> stat(String path) {
        return store.stat(requireKey(path));
    }

    byte[] getContent(String path, boolean suppressError) {
        String key = requireKey(path);
        try (ObjectContent in = store.open(key)) {
            if (in.info().size() > MAX_CONTENT) {
                throw new IllegalArgumentException("'" + key + "' in " + store.name() + " is "
                        + in.info().size() + " bytes, too large to read into memory; use downloadFile");
            }
            return in.readAllBytes();
        } catch (ObjectNotFoundException e) {
            if (suppressError) {
                return null;
            }
            throw e;
        } catch (IOException e) {
            throw new TransientStorageException(
                    store.name(), key, "reading '" + key + "' from " + store.name() + " failed: " + e, e);
        }
    }

    <T> Optional<T> getJson(String path, Class<T> type) {
        byte[] content = getContent(path, true);
        if (content == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(content, type));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(
                    "'" + requireKey(path) + "' in " + store.name() + " is not JSON for " + type.getSimpleName() + ": "
                            + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    UploadResult putJson(String path, Object value) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
        return putBytes(path, json);
    }

    UploadResult putBytes(String path, byte[] content) {
        return put(requireKey(path), new ByteArrayInputStream(content), content.length, PutOptions.DEFAULT);
    }

    /** Writes {@code length} bytes of {@code in} to {@code key}, hashing them (SHA-256) as they stream. */
    UploadResult put(String key, InputStream in, long length, PutOptions options) {
        MessageDigest sha256 = sha256();
        ObjectInfo stored = store.put(key, new SinglePassDigestStream(in, sha256), length, options);
        if (stored.size() != length) {
            throw new IntegrityException(
                    store.name(),
                    key,
                    store.name() + " recorded " + stored.size() + " bytes for '" + key + "' but " + length
                            + " were sent");
        }
        return new UploadResult(key, length, HexFormat.of().formatHex(sha256.digest()));
    }

    boolean delete(String path) {
        return store.delete(requireKey(path));
    }

    /**
     * Deletes what {@code prefix} selects. A prefix that selects everything ({@code null}, {@code ""}, {@code "/"},
     * the temporary root) is refused: emptying a store takes {@link #deleteAll()}.
     */
    int deletePrefix(String prefix) {
        if (prefix == null || KeyPrefix.of(prefix, keys).selectsAll()) {
            throw new IllegalArgumentException("deletePrefix(" + (prefix == null ? "null" : "'" + prefix + "'")
                    + ") would delete every object in " + store.name()
                    + "; call deleteAll() to empty the store on purpose");
        }
        return deleteSelected(prefix);
    }

    int deleteAll() {
        return deleteSelected("");
    }

    /**
     * Tries every selected object; objects that vanish meanwhile are not counted; other failures are collected
     * and the first is thrown (the rest suppressed) after every object was tried.
     */
    private int deleteSelected(String prefix) {
        List<StorageException> failures = new ArrayList<>();
        int deleted = 0;
        try (Stream<ObjectInfo> objects = select(prefix)) {
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
                    "deleted {} objects under '{}' in {}; {} could not be deleted, the first: {}",
                    deleted,
                    prefix,
                    store.name(),
                    failures.size(),
                    first.getMessage());
            throw first;
        }
        LOG.info("deleted {} objects under '{}' in {}", deleted, prefix, store.name());
        return deleted;
    }

    Stream<ObjectInfo> select(String prefix) {
        return Listings.select(store, KeyPrefix.of(prefix, keys), null);
    }

    String requireKey(String path) {
        String key = keys.toKey(path);
        if (key.isEmpty()) {
            throw new InvalidKeyException(
                    store.name(), path, "'" + path + "' names no object (it is empty or the temporary root itself)");
        }
        return key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Hashes what is read; refuses mark/reset, which would feed re-read bytes to the hash twice. */
    private static final class SinglePassDigestStream extends DigestInputStream {
        SinglePassDigestStream(InputStream in, MessageDigest digest) {
            super(in, digest);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
