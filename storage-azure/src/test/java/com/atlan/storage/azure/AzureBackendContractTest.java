package com.atlan.storage.azure;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendContract;
import java.util.Map;

/** The backend contract on Azurite: a new container per test. */
class AzureBackendContractTest extends BackendContract {

    @Override
    protected Backend store() {
        return AzuriteServer.get().newStore("azure-test", Map.of());
    }

    /** Azurite 3.37.0 sorts by UTF-16 code unit (Azure itself by code point); its components say so. */
    @Override
    protected boolean listsSupplementaryCharactersInCodePointOrder() {
        return false;
    }

    @Override
    protected long largeObjectSize() {
        return 40 * MiB;
    }
}
