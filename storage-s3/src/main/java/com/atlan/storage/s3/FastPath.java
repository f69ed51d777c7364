package com.atlan.storage.s3;

import com.atlan.storage.store.StorageConfigException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.awscore.endpoint.DualstackEnabledProvider;
import software.amazon.awssdk.awscore.endpoint.FipsEnabledProvider;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;

/**
 * Which client carries a store's requests, decided once when the store is created. The AWS SDK is the default and
 * the only one for AWS itself; the lean HTTP path ({@link LeanS3Requests}) is for an explicit S3-compatible endpoint,
 * and only where it can honour everything the SDK would: never with a proxy, an endpoint from the environment or a
 * profile ({@code AWS_ENDPOINT_URL(_S3)}, {@code endpoint_url}), FIPS or dual-stack endpoints, an access point or
 * Outposts ARN as the bucket, or an S3 Express directory bucket. Those settings are read by the SDK's own providers,
 * so both paths agree on them.
 *
 * @param lean    whether the lean path carries the store's requests
 * @param reasons why it does not (empty when it does), for the debug log and messages
 * @param proxy   the HTTP proxy the SDK path uses for this endpoint, or {@code null}; the lean path uses the same
 */
record FastPath(boolean lean, List<String> reasons, ProxyConfiguration proxy) {

    private static final Logger LOG = LoggerFactory.getLogger(FastPath.class);

    /** The {@code fastPath} setting. */
    enum Mode {
        /** The lean path where nothing speaks against it (the default). */
        AUTO,
        /** The lean path, failing where it cannot honour the configuration. */
        ON,
        /** Always the SDK. */
        OFF;

        static Mode parse(String store, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "true" -> ON;
                case "false" -> OFF;
                default ->
                    throw new StorageConfigException("component '" + store
                            + "' metadata 'fastPath' must be auto, true or false, not '" + value + "'");
            };
        }
    }

    /** Decides for {@code config} from the SDK's view of the environment, system properties and profile. */
    static FastPath decide(S3StoreConfig config) {
        ProxyConfiguration sdkProxy = ProxyConfiguration.builder().build();
        boolean proxied = applies(sdkProxy, config)
                || applies(ProxyConfiguration.builder().scheme("https").build(), config);
        Optional<URI> endpointOverride = AwsClientEndpointProvider.builder()
                .serviceEndpointOverrideEnvironmentVariable("AWS_ENDPOINT_URL_S3")
                .serviceEndpointOverrideSystemProperty("aws.endpointUrlS3")
                .serviceProfileProperty("s3")
                .resolveFromOverrides();
        boolean fips = FipsEnabledProvider.builder().build().isFipsEnabled().orElse(false);
        boolean dualstack =
                DualstackEnabledProvider.builder().build().isDualstackEnabled().orElse(false);
        FastPath decision = decide(
                config,
                proxied,
                endpointOverride.isPresent(),
                fips,
                dualstack,
                applies(sdkProxy, config) ? sdkProxy : null);
        if (decision.lean()) {
            LOG.debug("component '{}': requests take the lean HTTP path", config.storeName());
        } else {
            LOG.debug(
                    "component '{}': requests go through the AWS SDK because {}",
                    config.storeName(),
                    String.join("; ", decision.reasons()));
        }
        return decision;
    }

    /** The decision from facts already gathered; for tests. */
    static FastPath decide(
            S3StoreConfig config,
            boolean proxied,
            boolean endpointFromEnvironment,
            boolean fips,
            boolean dualstack,
            ProxyConfiguration proxy) {
        List<String> reasons = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        if (config.fastPath() == Mode.OFF) {
            reasons.add("metadata fastPath is false");
        }
        if (config.endpoint() == null) {
            reasons.add("no endpoint is configured, so the store is AWS itself");
        } else if (config.isAws()) {
            reasons.add("endpoint " + config.endpoint() + " is AWS");
        }
        if (proxied) {
            reasons.add("an HTTP proxy is configured (HTTP(S)_PROXY or http(s).proxyHost)");
        }
        if (endpointFromEnvironment) {
            String why = "AWS_ENDPOINT_URL(_S3), aws.endpointUrl(S3) or a profile's endpoint_url is set";
            reasons.add(why);
            if (config.endpoint() == null) unsupported.add(why); // the SDK would go there, the lean path not
        }
        if (fips) {
            reasons.add("FIPS endpoints are enabled");
            unsupported.add("FIPS endpoints are enabled");
        }
        if (dualstack) {
            reasons.add("dual-stack endpoints are enabled");
            unsupported.add("dual-stack endpoints are enabled");
        }
        String bucket = config.bucket();
        if (bucket.startsWith("arn:")) {
            reasons.add("the bucket is an ARN");
            unsupported.add("the bucket is an ARN");
        }
        if (bucket.endsWith("--x-s3")) {
            reasons.add("the bucket is a directory bucket");
            unsupported.add("the bucket is a directory bucket");
        }
        return switch (config.fastPath()) {
            case OFF -> new FastPath(false, List.copyOf(reasons), proxy);
            case AUTO -> new FastPath(reasons.isEmpty(), List.copyOf(reasons), proxy);
            case ON -> {
                if (!unsupported.isEmpty()) {
                    throw new StorageConfigException("component '" + config.storeName() + "' metadata 'fastPath' is"
                            + " true, but the lean HTTP path cannot honour this configuration: "
                            + String.join("; ", unsupported) + "; set fastPath to auto or false");
                }
                yield new FastPath(true, List.of(), proxy);
            }
        };
    }

    /** Whether {@code proxy} has a host and the store's endpoint is not excluded from it. */
    static boolean applies(ProxyConfiguration proxy, S3StoreConfig config) {
        if (proxy.host() == null || proxy.host().isBlank()) {
            return false;
        }
        String host = config.endpoint() != null
                ? config.endpoint().getHost()
                : LeanTransport.defaultEndpoint(config.region()).getHost();
        return !excluded(host, proxy.nonProxyHosts());
    }

    private static boolean excluded(String host, Set<String> nonProxyHosts) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            String p = pattern.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            // the SDK hands patterns over as regular expressions (".*?.x.org") or plain names ("a.com", ".a.com")
            if (h.equals(p) || (p.startsWith(".") && h.endsWith(p)) || h.endsWith("." + p)) return true;
            try {
                if (h.matches(p)) return true;
            } catch (java.util.regex.PatternSyntaxException ignored) {
                // not a pattern: compared as a name above
            }
        }
        return false;
    }
}
