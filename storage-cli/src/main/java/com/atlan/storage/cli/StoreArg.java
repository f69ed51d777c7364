package com.atlan.storage.cli;

/**
 * A command-line argument naming a place in a store: {@code STORE}, {@code STORE:} or {@code STORE:PATH}, where
 * {@code STORE} is a component name and {@code PATH} a key or key prefix.
 *
 * @param store the component name
 * @param path  the key or prefix, {@code ""} when none was given
 */
record StoreArg(String store, String path) {

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when no store name comes before the colon
     */
    static StoreArg parse(String text) {
        int colon = text.indexOf(':');
        String store = colon < 0 ? text : text.substring(0, colon);
        String path = colon < 0 ? "" : text.substring(colon + 1);
        if (store.isBlank()) {
            throw new IllegalArgumentException(
                    "'" + text + "' names no store: write STORE:PATH, with STORE a component name (see 'stores')");
        }
        return new StoreArg(store, path);
    }

    @Override
    public String toString() {
        return store + ":" + path;
    }
}
