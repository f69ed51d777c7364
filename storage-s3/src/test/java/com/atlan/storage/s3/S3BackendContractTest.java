package com.atlan.storage.s3;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendContract;
import java.util.Map;

/** The shared contract against S3Proxy, with full-size pagination and a 100 MiB multipart round trip. */
class S3BackendContractTest extends BackendContract {

    @Override
    protected Backend store() {
        return S3ProxyServer.get().newStore("s3-contract", Map.of());
    }

    /** S3Proxy 4.1.0 sorts listings by UTF-16 code units; AWS S3 sorts by UTF-8 bytes (not tested here). */
    @Override
    protected boolean listsSupplementaryCharactersInCodePointOrder() {
        return false;
    }
}
