package com.atlan.storage.store;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a store keeps its objects, as its backend knows it: a namespace (an endpoint and account, or a
 * machine's file system) and a path within it (a bucket, a container, a folder). Two stores overlap when they
 * share the namespace and one path is the other or lies inside it; a migration between them would copy
 * objects onto themselves, so configuration refuses it. Providers compute it ({@link BackendProvider#location})
 * from settings alone, without opening a connection.
 *
 * @param namespace  canonical spelling of where the path lives, e.g. {@code s3 http://127.0.0.1:9000} or {@code file}
 * @param path       the path segments within the namespace, e.g. {@code [bucket]} or {@code [home, me, data]}
 * @param describe   a human description for messages, e.g. {@code S3 bucket 'b' at http://127.0.0.1:9000}
 */
public record StoreLocation(String namespace, List<String> path, String describe) {

    public StoreLocation {
        Objects.requireNonNull(namespace, "namespace");
        path = List.copyOf(path);
        Objects.requireNonNull(describe, "describe");
    }

    /**
     * A bucket or container named {@code bucket} in the service {@code service} (e.g. {@code S3}) at {@code where} (a
     * canonical endpoint, or the service's own name): namespace {@code s3 <where>}, described as
     * {@code S3 bucket 'b' at <where>}.
     *
     * @param noun what the service calls it: {@code bucket}, {@code container}
     */
    public static StoreLocation bucket(String service, String noun, String where, String bucket) {
        return new StoreLocation(
                service.toLowerCase(Locale.ROOT) + " " + where,
                List.of(bucket),
                service + " " + noun + " '" + bucket + "' at " + where);
    }

    /** Whether the two locations are the same or one lies inside the other. */
    public boolean overlaps(StoreLocation other) {
        if (!namespace.equals(other.namespace)) {
            return false;
        }
        int n = Math.min(path.size(), other.path.size());
        return path.subList(0, n).equals(other.path.subList(0, n));
    }
}
