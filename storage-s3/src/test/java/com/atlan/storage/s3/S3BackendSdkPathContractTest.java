package com.atlan.storage.s3;

import com.atlan.storage.store.Backend;
import java.util.Map;

/** The shared contract with fastPath off: every request goes through the AWS SDK. */
class S3BackendSdkPathContractTest extends S3BackendContractTest {

    @Override
    protected Backend store() {
        return S3ProxyServer.get().newStore("s3-contract-sdk", Map.of("fastPath", "false"));
    }
}
