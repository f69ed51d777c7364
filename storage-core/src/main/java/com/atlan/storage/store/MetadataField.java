package com.atlan.storage.store;

/** The kinds of {@link ObjectMetadata} a backend can hold ({@link Features#metadata()}). */
public enum MetadataField {
    CONTENT_TYPE,
    CONTENT_ENCODING,
    CONTENT_DISPOSITION,
    CONTENT_LANGUAGE,
    CACHE_CONTROL,
    /** User metadata: name/value pairs. */
    USER
}
