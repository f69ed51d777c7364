package com.atlan.storage.store;

import java.util.Map;
import java.util.Objects;

/**
 * The metadata that travels with an object's bytes: the standard HTTP content headers and user metadata.
 * Fields are {@code null} when unset; {@link #user()} is never {@code null}.
 *
 * @param contentType        the MIME type
 * @param contentEncoding    e.g. {@code gzip}: readers must decode the bytes
 * @param contentDisposition e.g. {@code attachment; filename="a.csv"}
 * @param contentLanguage    e.g. {@code en}
 * @param cacheControl       e.g. {@code max-age=3600}
 * @param user               user metadata (S3 {@code x-amz-meta-*}, Azure and GCS metadata), names lowercase
 */
public record ObjectMetadata(
        String contentType,
        String contentEncoding,
        String contentDisposition,
        String contentLanguage,
        String cacheControl,
        Map<String, String> user) {

    /** No metadata. */
    public static final ObjectMetadata EMPTY = new ObjectMetadata(null, null, null, null, null, Map.of());

    public ObjectMetadata {
        user = user == null ? Map.of() : Map.copyOf(user);
    }

    /** Only a content type. */
    public static ObjectMetadata ofContentType(String contentType) {
        return new ObjectMetadata(contentType, null, null, null, null, Map.of());
    }

    /** Whether nothing is set. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** The fields set here, for comparing with what a destination can hold. */
    public java.util.Set<MetadataField> fields() {
        java.util.EnumSet<MetadataField> set = java.util.EnumSet.noneOf(MetadataField.class);
        if (contentType != null) set.add(MetadataField.CONTENT_TYPE);
        if (contentEncoding != null) set.add(MetadataField.CONTENT_ENCODING);
        if (contentDisposition != null) set.add(MetadataField.CONTENT_DISPOSITION);
        if (contentLanguage != null) set.add(MetadataField.CONTENT_LANGUAGE);
        if (cacheControl != null) set.add(MetadataField.CACHE_CONTROL);
        if (!user.isEmpty()) set.add(MetadataField.USER);
        return set;
    }

    /** This metadata without the fields a store of {@code features} cannot hold. */
    public ObjectMetadata restrictedTo(java.util.Set<MetadataField> holdable) {
        return new ObjectMetadata(
                holdable.contains(MetadataField.CONTENT_TYPE) ? contentType : null,
                holdable.contains(MetadataField.CONTENT_ENCODING) ? contentEncoding : null,
                holdable.contains(MetadataField.CONTENT_DISPOSITION) ? contentDisposition : null,
                holdable.contains(MetadataField.CONTENT_LANGUAGE) ? contentLanguage : null,
                holdable.contains(MetadataField.CACHE_CONTROL) ? cacheControl : null,
                holdable.contains(MetadataField.USER) ? user : Map.of());
    }

    /** Whether {@code other} carries the same values for every field in {@code fields}. */
    public boolean sameAs(ObjectMetadata other, java.util.Set<MetadataField> fields) {
        return restrictedTo(fields).equals(Objects.requireNonNull(other).restrictedTo(fields));
    }
}
