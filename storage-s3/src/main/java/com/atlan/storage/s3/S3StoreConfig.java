package com.atlan.storage.s3;

import com.atlan.storage.store.Endpoints;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component's S3 settings after defaults and validation. Holds no printable secret: credentials are
 * inside {@link S3Credentials}, whose {@code toString} names only their source.
 */
record S3StoreConfig(
        String storeName,
        String bucket,
        String region,
        URI endpoint,
        boolean forcePathStyle,
        boolean legacyS3Compatible,
        boolean insecureSsl,
        S3Credentials credentials,
        String storageClass,
        String serverSideEncryption,
        String sseKmsKeyId,
        long multipartThreshold,
        long streamedPutLimit,
        long partSize,
        int partConcurrency,
        long byteBudget,
        long copyThreshold,
        long copyPartSize,
        int concurrency,
        boolean parallelListing,
        ListingOrder listingOrder,
        boolean checksumMode,
        FastPath.Mode fastPath) {

    private static final Logger LOG = LoggerFactory.getLogger(S3StoreConfig.class);

    static final long MiB = 1024 * 1024;
    static final long GiB = 1024 * MiB;
    /** S3's smallest part (except the last) and largest single PUT / CopyObject. */
    static final long MIN_PART = 5 * MiB;

    static final long MAX_SINGLE = 5 * GiB;
    /** The largest buffer a part or a single PUT may use. */
    static final long MAX_BUFFER = GiB;

    /** Metadata names this backend reads. */
    static final Set<String> KNOWN = StoreSettings.names(
            StoreSettings.BINDING_ONLY_OPTIONS,
            Set.of(
                    "bucket",
                    "region",
                    "endpoint",
                    "forcePathStyle",
                    "disableSSL",
                    "insecureSSL",
                    "accessKey",
                    "secretKey",
                    "sessionToken",
                    "storageClass",
                    "serverSideEncryption",
                    "sseKmsKeyId",
                    "legacyS3Compatible",
                    "multipartThreshold",
                    "streamedPutLimit",
                    "multipartPartSize",
                    "multipartConcurrency",
                    "byteBudget",
                    "copyThreshold",
                    "copyPartSize",
                    "maxRetries",
                    "parallelListing",
                    "listingOrder",
                    "checksumMode",
                    "fastPath",
                    // Dapr binding options with no meaning here
                    "enableMultipartUpload",
                    "disableTagging"));

    /** Reads and validates a component's metadata; {@code env} looks up environment variables. */
    static S3StoreConfig from(StoreSettings s, Function<String, String> env) {
        String name = s.name();
        String bucket = s.require("bucket");
        String region = s.get("region")
                .or(() -> nonBlank(env.apply("AWS_REGION")))
                .or(() -> nonBlank(env.apply("AWS_DEFAULT_REGION")))
                .orElse("us-east-1");
        boolean disableSsl = s.flag("disableSSL", false);
        URI endpoint = s.get("endpoint")
                .map(e -> Endpoints.parse(name, e, disableSsl ? "http" : "https"))
                .orElse(disableSsl ? URI.create("http://s3." + region + ".amazonaws.com") : null);
        boolean aws = endpoint == null || isAws(endpoint);
        long partSize = s.size("multipartPartSize", 8 * MiB);
        long budget = s.size("byteBudget", 64 * MiB);
        S3StoreConfig config = new S3StoreConfig(
                name,
                bucket,
                region,
                endpoint,
                s.flag("forcePathStyle", !aws),
                s.flag("legacyS3Compatible", !aws),
                s.flag("insecureSSL", false),
                credentials(s),
                s.get("storageClass").orElse(null),
                s.get("serverSideEncryption").orElse(null),
                s.get("sseKmsKeyId").orElse(null),
                s.size("multipartThreshold", 8 * MiB),
                s.size("streamedPutLimit", 200 * MiB),
                partSize,
                s.wholeNumber("multipartConcurrency", 8),
                budget,
                s.size("copyThreshold", MAX_SINGLE),
                s.size("copyPartSize", 512 * MiB),
                s.concurrency(),
                // a delimiter listing is trusted where it is known to be complete (AWS); elsewhere opt in
                s.flag("parallelListing", aws),
                listingOrder(s, aws),
                s.flag("checksumMode", aws),
                FastPath.Mode.parse(name, s.get("fastPath").orElse("auto")));
        if (s.get("maxRetries").isPresent()) {
            LOG.warn(
                    "component '{}': metadata 'maxRetries' is no longer used: the migration retries whole transfers"
                            + " (its --retries option) and the store only re-sends requests that never reached"
                            + " the server",
                    name);
        }
        config.validate();
        return config;
    }

    /** AWS lists in code point order; another server in the order its component declares, else none is assumed. */
    private static ListingOrder listingOrder(StoreSettings s, boolean aws) {
        var declared = s.get("listingOrder");
        if (aws) {
            declared.ifPresent(v -> LOG.warn(
                    "component '{}': metadata 'listingOrder' is ignored for AWS, which lists in code point order",
                    s.name()));
            return ListingOrder.CODE_POINT;
        }
        return declared.map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "codepoint", "code_point", "utf8" -> ListingOrder.CODE_POINT;
                    case "utf16" -> ListingOrder.UTF16;
                    case "unordered" -> ListingOrder.UNORDERED;
                    default ->
                        throw new StorageConfigException("component '" + s.name() + "' metadata 'listingOrder' must be"
                                + " codepoint, utf16 or unordered, not '" + v + "'");
                })
                .orElse(ListingOrder.UNORDERED);
    }

    /** Whether requests go to AWS itself (no endpoint, or an amazonaws.com one). */
    boolean isAws() {
        return endpoint == null || isAws(endpoint);
    }

    /** Whether single-part ETags are the MD5 of the content (not so under SSE-KMS). */
    boolean etagsAreMd5() {
        return serverSideEncryption == null
                || !serverSideEncryption.toLowerCase(Locale.ROOT).startsWith("aws:kms");
    }

    /** Connections for {@code concurrency} transfers plus the multipart parts the byte budget lets fly. */
    int maxConnections() {
        long partsInFlight = Math.max(partConcurrency, byteBudget / partSize);
        return (int) Math.min(1024, concurrency + partsInFlight);
    }

    /** Where requests go, for deciding whether two stores can copy server side. */
    String endpointIdentity() {
        return endpoint == null ? "aws" : endpoint.toString();
    }

    @Override
    public String toString() {
        return "S3StoreConfig[" + storeName + ": bucket=" + bucket + ", region=" + region + ", endpoint="
                + (endpoint == null ? "AWS" : endpoint) + ", credentials=" + credentials.source() + "]";
    }

    private void validate() {
        // both are buffered in one array, so they also stay well below 2 GiB
        if (partSize < MIN_PART || partSize > MAX_BUFFER) {
            throw invalid("multipartPartSize", "must be within 5MiB (S3's smallest part) and 1GiB");
        }
        if (multipartThreshold > MAX_BUFFER) {
            throw invalid("multipartThreshold", "must be at most 1GiB (objects below it are buffered whole)");
        }
        if (streamedPutLimit > MAX_SINGLE) {
            throw invalid("streamedPutLimit", "must be at most 5GiB (S3's largest single PUT)");
        }
        if (byteBudget < partSize || byteBudget < multipartThreshold) {
            throw invalid(
                    "byteBudget",
                    "must hold at least one part and one single-PUT object (" + Math.max(partSize, multipartThreshold)
                            + " bytes)");
        }
        if (copyThreshold > MAX_SINGLE || copyPartSize < MIN_PART || copyPartSize > MAX_SINGLE) {
            throw invalid("copyThreshold/copyPartSize", "must be within 5MiB..5GiB");
        }
        if (partConcurrency < 1) {
            throw invalid("multipartConcurrency", "must be positive");
        }
        if (insecureSsl) {
            LOG.warn(
                    "component '{}': insecureSSL is on; TLS certificates of {} are not verified",
                    storeName,
                    endpointIdentity());
        }
    }

    private StorageConfigException invalid(String setting, String why) {
        return StorageConfigException.invalidSetting(storeName, setting, why);
    }

    private static S3Credentials credentials(StoreSettings s) {
        var access = s.get("accessKey");
        var secret = s.get("secretKey");
        if (access.isPresent() && secret.isPresent()) {
            return S3Credentials.fromKeys(
                    s.name(), access.get(), secret.get(), s.get("sessionToken").orElse(null));
        }
        if (access.isPresent() || secret.isPresent()) {
            LOG.warn(
                    "component '{}': {} is set without {}; using the default AWS credential chain instead",
                    s.name(),
                    access.isPresent() ? "accessKey" : "secretKey",
                    access.isPresent() ? "secretKey" : "accessKey");
        }
        return S3Credentials.defaultChain();
    }

    static boolean isAws(URI endpoint) {
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn");
    }

    private static java.util.Optional<String> nonBlank(String v) {
        return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.trim());
    }
}
