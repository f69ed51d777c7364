package com.atlan.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendContract;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The backend contract on {@link FakeGcsServer} (no GCS emulator can be installed here): a new bucket per test,
 * small chunks so large objects take many resumable requests, and a check that the client asked for nothing the
 * fake does not implement.
 */
class GcsBackendContractTest extends BackendContract {

    @Override
    protected Backend store() {
        return FakeGcsServer.get().newStore("gcs-test", Map.of("chunkSizeMiB", "2", "singlePutLimitMiB", "1"));
    }

    @Override
    protected long largeObjectSize() {
        return 40 * MiB;
    }

    private int unimplementedBefore;

    @BeforeEach
    void countUnimplemented() {
        unimplementedBefore = FakeGcsServer.get().unimplemented().size();
    }

    @AfterEach
    void nothingUnimplementedWasAsked() {
        var all = FakeGcsServer.get().unimplemented();
        assertThat(all.subList(unimplementedBefore, all.size())).isEmpty();
    }
}
