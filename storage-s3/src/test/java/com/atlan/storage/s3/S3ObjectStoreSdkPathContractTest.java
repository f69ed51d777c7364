package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectStore;
import java.util.Map;

/** The shared contract with fastPath off: every request goes through the AWS SDK. */
class S3ObjectStoreSdkPathContractTest extends S3ObjectStoreContractTest {

    @Override
    protected ObjectStore store() {
        return S3ProxyServer.get().newStore("s3-contract-sdk", Map.of("fastPath", "false"));
    }
}
