package com.atlan.storage.faultruns;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.testing.ComponentFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Component files for a fault run: the source store {@value #SOURCE} and the destination store {@value #DESTINATION},
 * two S3 components on different endpoints (each a fault proxy in front of the same S3Proxy), so bytes stream
 * through the tool as between two real servers.
 */
final class Stores {

    static final String SOURCE = "objectstore";
    static final String DESTINATION = "upstream-objectstore";

    private Stores() {}

    /** Writes both components into {@code folder}. */
    static Path write(Path folder, URI sourceEndpoint, String sourceBucket, URI destinationEndpoint, String bucket) {
        ComponentFiles.write(folder, SOURCE, component(SOURCE, sourceEndpoint, sourceBucket));
        ComponentFiles.write(folder, DESTINATION, component(DESTINATION, destinationEndpoint, bucket));
        return folder;
    }

    /** The configuration the library reads from {@code folder}. */
    static StorageConfiguration configuration(Path folder) {
        return StorageConfiguration.load(Optional.of(folder), Map.of(), folder);
    }

    private static String component(String name, URI endpoint, String bucket) {
        return """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: bindings.aws.s3
                  version: v1
                  metadata:
                    - name: bucket
                      value: %s
                    - name: region
                      value: us-east-1
                    - name: endpoint
                      value: %s
                    - name: forcePathStyle
                      value: "true"
                    - name: accessKey
                      value: %s
                    - name: secretKey
                      value: %s
                """.formatted(name, bucket, endpoint, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
    }
}
