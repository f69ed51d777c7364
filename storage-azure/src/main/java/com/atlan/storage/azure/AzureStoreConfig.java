package com.atlan.storage.azure;

import com.atlan.storage.store.Endpoints;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import com.azure.storage.blob.BlobServiceVersion;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A component's Azure settings after defaults and validation. Holds no printable secret: credentials are inside
 * {@link AzureCredentials}, whose {@code toString} names only their source.
 *
 * @param serviceUrl      the account's blob endpoint, e.g. {@code https://acct.blob.core.windows.net} or, for
 *                        an emulator or a Dapr {@code endpoint}, that base URL with {@code /account} appended
 * @param singlePutLimit  objects up to this size are buffered and sent in one Put Blob; larger ones as blocks
 * @param blockSize       the size of staged blocks (grown for objects that would need more than 50,000)
 * @param byteBudget      the most bytes the store's upload buffers may hold at once
 * @param copyBlockSize   the range each Put Block From URL copies
 * @param readBlockSize   the size of each ranged GET of a read
 * @param listingOrder    the order the service lists in: code point for Azure, UTF-16 for Azurite
 */
record AzureStoreConfig(
        String storeName,
        String account,
        String container,
        String serviceUrl,
        boolean emulator,
        AzureCredentials credentials,
        boolean createContainer,
        MetadataNames invalidMetadata,
        com.azure.storage.blob.models.AccessTier accessTier,
        long singlePutLimit,
        long blockSize,
        int blockConcurrency,
        long byteBudget,
        long copyBlockSize,
        int readBlockSize,
        BlobServiceVersion serviceVersion,
        ListingOrder listingOrder,
        int concurrency) {

    static final long MiB = 1024 * 1024;
    /** Azure's largest block (API 2019-12-12 and later). */
    static final long MAX_BLOCK = 4000 * MiB;

    /** The account name and key of the storage emulator (Azurite), published by Microsoft. */
    static final String EMULATOR_ACCOUNT = "devstoreaccount1";

    static final String EMULATOR_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern CONTAINER = Pattern.compile("\\$root|[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}");

    /** Metadata names this backend reads. */
    static final Set<String> KNOWN = StoreSettings.names(
            Set.of(
                    "accountName",
                    "containerName",
                    "endpoint",
                    "useEmulator",
                    "azureEnvironment",
                    "createContainer",
                    "invalidMetadata",
                    "storageClass",
                    "singlePutLimitMiB",
                    "blockSizeMiB",
                    "blockConcurrency",
                    "byteBudgetMiB",
                    "copyBlockSizeMiB",
                    "readBlockSizeMiB",
                    "serviceVersion",
                    "listingOrder",
                    // Dapr binding options with no meaning here
                    "publicAccessLevel",
                    "disableEntityManagement",
                    "getBlobRetryCount"),
            AzureCredentials.KNOWN,
            StoreSettings.BINDING_ONLY_OPTIONS);

    /** Reads and validates a component's metadata. */
    static AzureStoreConfig from(StoreSettings s) {
        String name = s.name();
        boolean emulator = s.flag("useEmulator", false);
        String account = s.get("accountName").orElseGet(() -> emulator ? EMULATOR_ACCOUNT : s.require("accountName"));
        if (!ACCOUNT.matcher(account).matches()) {
            throw invalid(name, "accountName", "must be 3 to 24 lower-case letters and digits, not '" + account + "'");
        }
        String container = s.require("containerName");
        if (!CONTAINER.matcher(container).matches()) {
            throw invalid(
                    name,
                    "containerName",
                    "must be 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a"
                            + " letter or digit, not '" + container + "'");
        }
        AzureEnvironment environment = s.get("azureEnvironment")
                .map(v -> AzureEnvironment.parse(name, v))
                .orElse(AzureEnvironment.PUBLIC);
        String serviceUrl = s.get("endpoint")
                .map(e -> Endpoints.parseBase(name, e, "https") + "/" + account)
                .orElseGet(() -> emulator ? "http://127.0.0.1:10000/" + account : environment.blobEndpoint(account));
        AzureCredentials credentials;
        if (emulator
                && account.equals(EMULATOR_ACCOUNT)
                && AzureCredentials.KNOWN.stream().allMatch(k -> s.get(k).isEmpty())) {
            credentials = AzureCredentials.from(withEmulatorKey(s), account, environment);
        } else {
            credentials = AzureCredentials.from(s, account, environment);
        }
        AzureStoreConfig config = new AzureStoreConfig(
                name,
                account,
                container,
                serviceUrl,
                emulator,
                credentials,
                s.flag("createContainer", false),
                s.get("invalidMetadata").map(v -> MetadataNames.parse(name, v)).orElse(MetadataNames.EXCLUDE),
                s.get("storageClass")
                        .map(com.azure.storage.blob.models.AccessTier::fromString)
                        .orElse(null),
                s.mebibytes("singlePutLimitMiB", 8),
                s.mebibytes("blockSizeMiB", 8),
                s.wholeNumber("blockConcurrency", 8),
                s.mebibytes("byteBudgetMiB", 64),
                s.mebibytes("copyBlockSizeMiB", 256),
                (int) s.mebibytes("readBlockSizeMiB", 8),
                s.get("serviceVersion").map(v -> serviceVersion(name, v)).orElse(null),
                // Azurite sorts by UTF-16 code unit, Azure by code point (UTF-8 bytes)
                s.get("listingOrder")
                        .map(v -> listingOrder(name, v))
                        .orElse(emulator ? ListingOrder.UTF16 : ListingOrder.CODE_POINT),
                s.concurrency());
        config.validate();
        return config;
    }

    /** Where requests go and with which credentials, for deciding whether two stores can copy server side. */
    String copyDomain() {
        return "azure " + serviceUrl + " " + credentials.identity();
    }

    @Override
    public String toString() {
        return "AzureStoreConfig[" + storeName + ": container=" + container + ", service=" + serviceUrl
                + ", credentials=" + credentials.source() + "]";
    }

    private void validate() {
        if (blockSize < MiB || blockSize > MAX_BLOCK) {
            throw invalid(storeName, "blockSizeMiB", "must be within 1 and 4000 (Azure's largest block)");
        }
        if (copyBlockSize < MiB || copyBlockSize > MAX_BLOCK) {
            throw invalid(storeName, "copyBlockSizeMiB", "must be within 1 and 4000 (Azure's largest block)");
        }
        if (singlePutLimit > 1024 * MiB) {
            throw invalid(storeName, "singlePutLimitMiB", "must be at most 1024 (objects below it are buffered)");
        }
        if (byteBudget < blockSize || byteBudget < singlePutLimit) {
            throw invalid(
                    storeName,
                    "byteBudgetMiB",
                    "must hold at least one block and one single-put object ("
                            + Math.max(blockSize, singlePutLimit) / MiB + " MiB)");
        }
        if (blockConcurrency < 1 || readBlockSize < MiB) {
            throw invalid(storeName, "blockConcurrency/readBlockSizeMiB", "must be at least 1");
        }
    }

    private static StoreSettings withEmulatorKey(StoreSettings s) {
        var metadata = new java.util.HashMap<>(s.metadata());
        metadata.put("accountKey", EMULATOR_KEY);
        return new StoreSettings(s.name(), s.type(), metadata, s.baseDir(), s.concurrency());
    }

    private static BlobServiceVersion serviceVersion(String store, String value) {
        for (BlobServiceVersion v : BlobServiceVersion.values()) {
            if (v.getVersion().equals(value)) {
                return v;
            }
        }
        throw invalid(
                store,
                "serviceVersion",
                "must be a version the Azure SDK knows, such as "
                        + BlobServiceVersion.getLatest().getVersion() + ", not '" + value + "'");
    }

    private static ListingOrder listingOrder(String store, String value) {
        return switch (value.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "codepoint", "utf8" -> ListingOrder.CODE_POINT;
            case "utf16" -> ListingOrder.UTF16;
            case "unordered" -> ListingOrder.UNORDERED;
            default ->
                throw invalid(store, "listingOrder", "must be codePoint, utf16 or unordered, not '" + value + "'");
        };
    }

    static StorageConfigException invalid(String store, String setting, String why) {
        return StorageConfigException.invalidSetting(store, setting, why);
    }
}
