package com.atlan.storage.testing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.StoreSettings;
import com.atlan.storage.store.local.LocalBackend;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Serves the made-up component type {@value #TYPE}: a local folder ({@code rootPath}) whose requests fail as the
 * component's metadata says, so tests configured by component files (the class-method facades) meet faults:
 *
 * <ul>
 *   <li>{@code failListing: "true"}: every listing is refused (permission denied on the store);
 *   <li>{@code failReadsOf}, {@code failWritesOf}, {@code failDeletesOf}: reads, writes or deletes of keys containing
 *       that text fail with the message {@code injected fault: ...}, for that object only.
 * </ul>
 */
public final class FaultyStoreProvider implements BackendProvider {

    /** The component type this provider serves. */
    public static final String TYPE = "bindings.test.faulty";

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public Backend create(StoreSettings settings) {
        Backend local = new LocalBackend(
                settings.name(),
                settings.baseDir().resolve(settings.require("rootPath")).normalize());
        boolean failListing = Boolean.parseBoolean(settings.metadata().getOrDefault("failListing", "false"));
        String reads = settings.metadata().get("failReadsOf");
        String writes = settings.metadata().get("failWritesOf");
        String deletes = settings.metadata().get("failDeletesOf");
        return new ForwardingBackend(local) {
            @Override
            public Stream<ObjectInfo> list(String prefix, String startAfter) {
                if (failListing) {
                    throw new StoragePermissionException(
                            name(), prefix, "injected fault: listing '" + prefix + "' refused", null, true);
                }
                return super.list(prefix, startAfter);
            }

            @Override
            public ObjectContent open(String key) {
                check(reads, "read", key);
                return super.open(key);
            }

            @Override
            public ObjectContent open(String key, long offset, long length) {
                check(reads, "read", key);
                return super.open(key, offset, length);
            }

            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                check(writes, "write", key);
                return super.put(key, data, length, options);
            }

            @Override
            public boolean delete(String key) {
                check(deletes, "delete", key);
                return super.delete(key);
            }

            private void check(String marker, String operation, String key) {
                if (marker != null && key.contains(marker)) {
                    throw new InvalidKeyException(
                            name(), key, "injected fault: " + operation + " of '" + key + "' refused");
                }
            }
        };
    }

    /** A component file over {@code rootPath} failing as {@code faults} say (metadata name to value). */
    public static String component(String name, String rootPath, java.util.Map<String, String> faults) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: %s
                  version: v1
                  metadata:
                    - name: rootPath
                      value: "%s"
                """.formatted(name, TYPE, rootPath));
        faults.forEach((key, value) -> yaml.append("    - name: ")
                .append(key)
                .append("\n      value: \"")
                .append(value)
                .append("\"\n"));
        return yaml.toString();
    }
}
