package com.atlan.storage.s3;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendContract;
import java.util.Map;

/** The shared contract against S3rver (see {@link S3rverServer} for its quirks and how they are declared). */
class S3rverContractTest extends BackendContract {

    @Override
    protected Backend store() {
        return S3rverServer.get().newStore("s3rver-contract", Map.of());
    }

    /** A smaller large object: the contract's 100 MiB round trip is run against S3Proxy. */
    @Override
    protected long largeObjectSize() {
        return 24 * MiB;
    }
}
