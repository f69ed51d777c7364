package com.atlan.storage.s3;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendContract;
import java.util.Map;

/** The shared contract against S3Mock (see {@link S3MockServer} for its quirks and how they are declared). */
class S3MockContractTest extends BackendContract {

    @Override
    protected Backend store() {
        return S3MockServer.get().newStore("s3mock-contract", Map.of());
    }

    /** A smaller large object: the contract's 100 MiB round trip is run against S3Proxy. */
    @Override
    protected long largeObjectSize() {
        return 24 * MiB;
    }
}
