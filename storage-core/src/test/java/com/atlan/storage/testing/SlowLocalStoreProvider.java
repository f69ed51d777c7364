package com.atlan.storage.testing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.StoreSettings;
import com.atlan.storage.store.local.LocalBackend;
import java.time.Duration;
import java.util.Set;

/**
 * Serves the made-up component type {@value #TYPE}: a local folder ({@code rootPath}) whose reads wait
 * {@code openMs} each, so a test can kill a migration configured from component files part way.
 */
public final class SlowLocalStoreProvider implements BackendProvider {

    /** The component type this provider serves. */
    public static final String TYPE = "bindings.test.slowlocal";

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public Backend create(StoreSettings settings) {
        LocalBackend local =
                new LocalBackend(settings.name(), settings.baseDir().resolve(settings.require("rootPath")));
        Duration open = Duration.ofMillis(Long.parseLong(settings.get("openMs").orElse("0")));
        return new SlowBackend(local, Duration.ZERO, open, Duration.ZERO);
    }
}
