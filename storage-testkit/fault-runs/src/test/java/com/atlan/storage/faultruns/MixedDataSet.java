package com.atlan.storage.faultruns;

import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.testing.TestData;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The fault runs' source: objects of mixed sizes under {@value #PREFIX} in 20 folders, generated from a fixed seed and
 * uploaded once per test JVM, without faults. Most are a few KiB (one in 50 is empty); the large ones are above the
 * S3 backend's 8 MiB multipart threshold: half uploaded in one PUT (an MD5 ETag, so they are copied as one streamed
 * PUT) and half as multipart uploads (an {@code md5-N} ETag, so they are copied as multipart uploads).
 */
final class MixedDataSet {

    static final String PREFIX = "mixed/";

    /** One object: its key, size and SHA-256. */
    record Item(String key, long size, String sha256) {}

    private static final Map<String, MixedDataSet> UPLOADED = new TreeMap<>();

    private final String bucket;
    private final Map<String, Item> items;

    private MixedDataSet(String bucket, Map<String, Item> items) {
        this.bucket = bucket;
        this.items = Collections.unmodifiableMap(items);
    }

    /** The fault runs' data set: 1,990 small and 10 large objects in the test JVM's S3Proxy. */
    static MixedDataSet standard() {
        return shared(S3ProxyServer.get(), 1990, 10);
    }

    /** {@code small + large} objects in a bucket of {@code s3}, uploaded on first use. */
    static synchronized MixedDataSet shared(S3ProxyServer s3, int small, int large) {
        return UPLOADED.computeIfAbsent(small + "+" + large, k -> upload(s3, small, large));
    }

    private static MixedDataSet upload(S3ProxyServer s3, int small, int large) {
        String bucket = s3.newBucket();
        Random random = new Random(20261201L);
        Map<String, Item> items = new TreeMap<>();
        int total = small + large;
        for (int i = 0; i < total; i++) {
            String key = PREFIX + "d%02d/o%04d.bin".formatted(i % 20, i);
            boolean isLarge = i >= small;
            int size = isLarge ? (9 << 20) + random.nextInt(3 << 20) : i % 50 == 0 ? 0 : 256 + random.nextInt(16 << 10);
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            boolean multipart = isLarge && (i - small) % 2 == 1;
            if (multipart) {
                putMultipart(s3.admin(), bucket, key, bytes);
            } else {
                s3.admin().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
            }
            items.put(key, new Item(key, size, TestData.sha256(new ByteArrayInputStream(bytes))));
        }
        return new MixedDataSet(bucket, items);
    }

    private static void putMultipart(S3Client admin, String bucket, String key, byte[] bytes) {
        String uploadId =
                admin.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        int partSize = 5 << 20;
        List<CompletedPart> parts = new ArrayList<>();
        for (int offset = 0, number = 1; offset < bytes.length; offset += partSize, number++) {
            int n = Math.min(partSize, bytes.length - offset);
            int partNumber = number;
            String etag = admin.uploadPart(
                            b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                            RequestBody.fromBytes(java.util.Arrays.copyOfRange(bytes, offset, offset + n)))
                    .eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        }
        admin.completeMultipartUpload(
                b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
    }

    /** The source bucket. */
    String bucket() {
        return bucket;
    }

    /** Every object by key. */
    Map<String, Item> items() {
        return items;
    }

    /** How many objects there are. */
    int size() {
        return items.size();
    }
}
