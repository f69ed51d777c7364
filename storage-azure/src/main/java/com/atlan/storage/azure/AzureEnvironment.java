package com.atlan.storage.azure;

import com.atlan.storage.store.StorageConfigException;
import java.util.Locale;

/** The Azure clouds a component's {@code azureEnvironment} can name, with where their blob endpoints live. */
enum AzureEnvironment {
    PUBLIC("core.windows.net", "https://login.microsoftonline.com/"),
    CHINA("core.chinacloudapi.cn", "https://login.chinacloudapi.cn/"),
    US_GOVERNMENT("core.usgovcloudapi.net", "https://login.microsoftonline.us/"),
    GERMAN("core.cloudapi.de", "https://login.microsoftonline.de/");

    private final String storageSuffix;
    private final String authorityHost;

    AzureEnvironment(String storageSuffix, String authorityHost) {
        this.storageSuffix = storageSuffix;
        this.authorityHost = authorityHost;
    }

    /** The blob service URL of {@code account} in this cloud. */
    String blobEndpoint(String account) {
        return "https://" + account + ".blob." + storageSuffix;
    }

    /** Where Microsoft Entra ID tokens for this cloud are issued. */
    String authorityHost() {
        return authorityHost;
    }

    /**
     * The cloud a Dapr {@code azureEnvironment} value names: {@code AzurePublicCloud}, {@code AzureChinaCloud},
     * {@code AzureUSGovernmentCloud}, {@code AzureGermanCloud}, or the same without {@code Azure}/{@code Cloud}.
     */
    static AzureEnvironment parse(String store, String value) {
        String v = value.toLowerCase(Locale.ROOT).replace("azure", "").replace("cloud", "");
        return switch (v) {
            case "public" -> PUBLIC;
            case "china" -> CHINA;
            case "usgovernment" -> US_GOVERNMENT;
            case "german" -> GERMAN;
            default ->
                throw new StorageConfigException("component '" + store + "' metadata 'azureEnvironment' must be"
                        + " AzurePublicCloud, AzureChinaCloud, AzureUSGovernmentCloud or AzureGermanCloud, not '"
                        + value + "'");
        };
    }
}
