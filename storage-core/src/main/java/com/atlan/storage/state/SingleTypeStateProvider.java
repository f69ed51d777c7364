package com.atlan.storage.state;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.store.StoreSettings;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link StateBackendProvider} of one Dapr component type whose metadata names are known: it serves that type and
 * warns about metadata outside the known names and Dapr's own ({@link StateSettings#warnUnknown}) before a store is
 * opened, so each provider says only how its store is opened.
 */
public abstract class SingleTypeStateProvider implements StateBackendProvider {

    private final String type;
    private final Set<String> known;

    /**
     * @param type the Dapr component type served
     * @param known the metadata names the provider reads or accepts; {@code null} for a provider that reads none and
     *     checks none
     */
    protected SingleTypeStateProvider(String type, Set<String> known) {
        this.type = Objects.requireNonNull(type, "type");
        this.known = known == null ? null : Set.copyOf(known);
    }

    @Override
    public final Set<String> types() {
        return Set.of(type);
    }

    @Override
    public final StateBackend create(StoreSettings settings, StorageConfiguration configuration) {
        if (known != null) {
            StateSettings.warnUnknown(settings, known);
        }
        return open(settings, configuration);
    }

    /** Opens the store of a component of this provider's type, its metadata already checked for unknown names. */
    protected abstract StateBackend open(StoreSettings settings, StorageConfiguration configuration);
}
