package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.services.StateType;
import com.atlan.storage.state.objectstore.ObjectStoreStateBackend;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.TransientStorageException;
import com.atlan.storage.store.local.LocalBackend;
import com.atlan.storage.testing.ForwardingBackend;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state store contract on {@code state.objectstore}, over a local folder as the SDK 2.8.7 used one. */
class ObjectStoreStateStoreTest extends StateStoreContract {

    @TempDir
    Path dir;

    @Override
    protected StateBackend open() {
        return new ObjectStoreStateBackend(
                "statestore", new LocalBackend("upstream-objectstore", dir.resolve("upstream")));
    }

    @Override
    protected StateBackend broken() {
        ForwardingBackend failing = new ForwardingBackend(new LocalBackend("upstream-objectstore", dir.resolve("x"))) {
            @Override
            public ObjectContent open(String key) {
                throw new TransientStorageException(name(), key, "503 Slow Down (injected)");
            }

            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                throw new TransientStorageException(name(), key, "503 Slow Down (injected)");
            }
        };
        return new ObjectStoreStateBackend("statestore", failing);
    }

    @Test
    void keepsStateWhereTheSdkKeptItInTheObjectStore() {
        store().set("k", "v", "wf-1", StateType.WORKFLOWS);
        assertThat(Files.exists(dir.resolve(
                        "upstream/persistent-artifacts/apps/" + application + "/workflows/wf-1/config.json")))
                .isTrue();
        assertThat(open().atomicAcrossProcesses()).isFalse();
    }
}
