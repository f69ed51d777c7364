package com.atlan.storage.gcs;

import com.atlan.storage.store.KeyOrder;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * The state of {@link FakeGcsServer}: buckets of objects kept in memory, sorted by code point (UTF-8 byte order, as
 * GCS lists), each with its generation, hashes and metadata as the JSON API describes them.
 */
final class FakeGcsObjects {

    /** The object-resource fields a client may set. */
    static final String[] METADATA_FIELDS = {
        "contentType", "contentEncoding", "contentDisposition", "contentLanguage", "cacheControl", "storageClass"
    };

    /** One stored generation of an object. */
    record Stored(String bucket, String name, byte[] data, long generation, ObjectNode metadata, Instant created) {

        String md5() {
            try {
                return Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("MD5").digest(data));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String crc32c() {
            CRC32C crc = new CRC32C();
            crc.update(data);
            long v = crc.getValue();
            byte[] bytes = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            return Base64.getEncoder().encodeToString(bytes);
        }

        /** The object resource, as objects.get returns it. */
        ObjectNode resource() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("kind", "storage#object");
            json.put("id", bucket + "/" + name + "/" + generation);
            json.put("name", name);
            json.put("bucket", bucket);
            json.put("generation", Long.toString(generation));
            json.put("metageneration", "1");
            json.put("size", Long.toString(data.length));
            json.put("md5Hash", md5());
            json.put("crc32c", crc32c());
            json.put(
                    "etag",
                    Base64.getEncoder()
                            .encodeToString(
                                    Long.toString(generation).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            json.put("timeCreated", created.toString());
            json.put("updated", created.toString());
            json.put("storageClass", "STANDARD");
            for (String field : METADATA_FIELDS) {
                if (metadata.hasNonNull(field)) {
                    json.set(field, metadata.get(field));
                }
            }
            if (metadata.hasNonNull("metadata") && !metadata.get("metadata").isEmpty()) {
                json.set("metadata", metadata.get("metadata"));
            }
            return json;
        }
    }

    private final Map<String, TreeMap<String, Stored>> buckets = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong(System.currentTimeMillis() * 1000);

    boolean createBucket(String bucket) {
        return buckets.putIfAbsent(bucket, new TreeMap<>(KeyOrder.COMPARATOR)) == null;
    }

    boolean hasBucket(String bucket) {
        return buckets.containsKey(bucket);
    }

    /** The objects of {@code bucket} from {@code startOffset} (inclusive) under {@code prefix}, at most {@code max}. */
    java.util.List<Stored> list(String bucket, String prefix, String startOffset, int max) {
        TreeMap<String, Stored> objects = buckets.get(bucket);
        synchronized (objects) {
            String from = startOffset != null && KeyOrder.compare(startOffset, prefix) > 0 ? startOffset : prefix;
            return objects.tailMap(from, true).values().stream()
                    .takeWhile(o -> o.name().startsWith(prefix))
                    .limit(max)
                    .toList();
        }
    }

    Stored get(String bucket, String name) {
        TreeMap<String, Stored> objects = buckets.get(bucket);
        synchronized (objects) {
            return objects.get(name);
        }
    }

    /**
     * Stores a new generation when {@code ifGenerationMatch} (0: no object; {@code null}: any) holds; returns
     * {@code null} when it does not.
     */
    Stored put(String bucket, String name, byte[] data, ObjectNode metadata, Long ifGenerationMatch) {
        TreeMap<String, Stored> objects = buckets.get(bucket);
        synchronized (objects) {
            Stored current = objects.get(name);
            if (!matches(current, ifGenerationMatch)) {
                return null;
            }
            Stored stored = new Stored(bucket, name, data, generations.incrementAndGet(), metadata, Instant.now());
            objects.put(name, stored);
            return stored;
        }
    }

    /** Deletes when present and {@code ifGenerationMatch} holds; whether it did. */
    boolean delete(String bucket, String name, Long ifGenerationMatch) {
        TreeMap<String, Stored> objects = buckets.get(bucket);
        synchronized (objects) {
            Stored current = objects.get(name);
            if (current == null || !matches(current, ifGenerationMatch)) {
                return false;
            }
            objects.remove(name);
            return true;
        }
    }

    static boolean matches(Stored current, Long ifGenerationMatch) {
        if (ifGenerationMatch == null) {
            return true;
        }
        return ifGenerationMatch == 0 ? current == null : current != null && current.generation() == ifGenerationMatch;
    }
}
