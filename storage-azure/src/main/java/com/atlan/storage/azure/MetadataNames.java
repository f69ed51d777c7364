package com.atlan.storage.azure;

import com.atlan.storage.store.InvalidKeyException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do with user metadata whose name Azure cannot hold (names must be C# identifiers, so S3's common
 * {@code original-name} is refused), as AzCopy's {@code --s2s-handle-invalid-metadata} does: leave the entry out
 * (the default, logged once per name), fail the object, or rename it to {@code rename_NAME} and keep the original
 * name in {@code rename_key_NAME}.
 */
enum MetadataNames {
    EXCLUDE,
    FAIL,
    RENAME;

    private static final Logger LOG = LoggerFactory.getLogger(MetadataNames.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    static MetadataNames parse(String store, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "exclude", "excludeifinvalid" -> EXCLUDE;
            case "fail", "failifinvalid" -> FAIL;
            case "rename", "renameifinvalid" -> RENAME;
            default ->
                throw AzureStoreConfig.invalid(
                        store, "invalidMetadata", "must be exclude, fail or rename, not '" + value + "'");
        };
    }

    /**
     * {@code user} as Azure can hold it; {@code null} when empty.
     *
     * @throws InvalidKeyException under {@link #FAIL}, naming the entry (the object cannot be written as it is)
     */
    Map<String, String> apply(String store, String key, Map<String, String> user) {
        if (user.isEmpty()) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : user.entrySet()) {
            String name = e.getKey();
            if (IDENTIFIER.matcher(name).matches()) {
                result.put(name, e.getValue());
                continue;
            }
            switch (this) {
                case EXCLUDE -> {
                    if (WARNED.add(store + '\0' + name)) {
                        LOG.warn(
                                "{}: user metadata '{}' (of '{}' and others) is left out: Azure metadata names must be"
                                        + " C# identifiers; set metadata invalidMetadata: rename to keep it renamed",
                                store,
                                name,
                                key);
                    }
                }
                case FAIL ->
                    throw new InvalidKeyException(
                            store,
                            key,
                            "user metadata '" + name + "' of '" + key + "' is not a valid Azure metadata name (a C#"
                                    + " identifier); set metadata invalidMetadata: exclude or rename on component '"
                                    + store + "'");
                case RENAME -> {
                    String safe = name.replaceAll("[^A-Za-z0-9_]", "_");
                    result.put("rename_" + safe, e.getValue());
                    result.put("rename_key_" + safe, name);
                }
            }
        }
        return result.isEmpty() ? null : result;
    }
}
