package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectStore;
import com.atlan.storage.store.ObjectStoreContract;
import java.util.Map;

/** The shared contract against S3Proxy, with full-size pagination and a 100 MiB multipart round trip. */
class S3ObjectStoreContractTest extends ObjectStoreContract {

    @Override
    protected ObjectStore store() {
        return S3ProxyServer.get().newStore("s3-contract", Map.of());
    }

    /** S3Proxy 4.1.0 sorts listings by UTF-16 code units; AWS S3 sorts by UTF-8 bytes (not tested here). */
    @Override
    protected boolean listsSupplementaryCharactersInCodePointOrder() {
        return false;
    }
}
