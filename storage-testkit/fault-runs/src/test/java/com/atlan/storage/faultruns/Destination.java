package com.atlan.storage.faultruns;

import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a destination bucket holds, read directly from S3Proxy (no proxy, no faults) and compared byte for byte with
 * the data set: every object is downloaded and hashed.
 *
 * @param digests  SHA-256 of every object under the prefix, by key
 * @param missing  data-set keys the bucket lacks
 * @param extra    keys the bucket holds that the data set does not
 * @param differing keys whose bytes differ from the data set's
 */
record Destination(Map<String, String> digests, List<String> missing, List<String> extra, List<String> differing) {

    /** Reads {@code bucket} and compares it with {@code data}. */
    static Destination read(S3ProxyServer s3, String bucket, MixedDataSet data) {
        Map<String, String> digests = new TreeMap<>();
        for (S3Object o : s3.admin()
                .listObjectsV2Paginator(b -> b.bucket(bucket).prefix(MixedDataSet.PREFIX))
                .contents()) {
            digests.put(
                    o.key(),
                    TestData.sha256(s3.admin()
                            .getObject(b -> b.bucket(bucket).key(o.key()), ResponseTransformer.toInputStream())));
        }
        List<String> missing = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        data.items().forEach((key, item) -> {
            String got = digests.get(key);
            if (got == null) {
                missing.add(key);
            } else if (!got.equals(item.sha256())) {
                differing.add(key);
            }
        });
        List<String> extra = digests.keySet().stream()
                .filter(k -> !data.items().containsKey(k))
                .toList();
        return new Destination(digests, missing, extra, differing);
    }

    /** Whether the bucket holds exactly the data set's bytes. */
    boolean identical() {
        return missing.isEmpty() && extra.isEmpty() && differing.isEmpty();
    }

    /** A one-line account for the run log. */
    String describe() {
        return "destination holds %d objects: %d missing, %d extra, %d differing%s"
                .formatted(
                        digests.size(),
                        missing.size(),
                        extra.size(),
                        differing.size(),
                        differing.isEmpty() ? "" : " (first: " + differing.getFirst() + ")");
    }
}
