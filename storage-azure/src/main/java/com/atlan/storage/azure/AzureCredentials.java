package com.atlan.storage.azure;

import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a store authenticates, chosen from the component's metadata in the Dapr binding's order: {@code accountKey},
 * then a SAS token ({@code sasToken}, or Dapr's {@code sasKey}), then a service principal secret
 * ({@code azureTenantId}, {@code azureClientId}, {@code azureClientSecret}), then the default Azure credential chain.
 * Certificates, workload identity and a user-assigned managed identity are refused as not supported yet.
 *
 * <p>Holds secrets: {@link #toString()} and {@link #source()} name only where they came from; {@link #identity()}
 * is a one-way fingerprint that tells two stores' credentials apart.
 */
final class AzureCredentials {

    /** The metadata names read here. */
    static final List<String> KNOWN = List.of(
            "accountKey",
            "sasToken",
            "sasKey",
            "azureTenantId",
            "azureClientId",
            "azureClientSecret",
            "azureCertificate",
            "azureCertificateFile",
            "azureCertificatePassword",
            "azureFederatedTokenFile",
            "msiEndpoint",
            "msiResourceId");

    private final String source;
    private final String identity;
    private final StorageSharedKeyCredential sharedKey;
    private final String sasToken;
    private final Consumer<BlobContainerClientBuilder> apply;

    private AzureCredentials(
            String source,
            String identity,
            StorageSharedKeyCredential sharedKey,
            String sasToken,
            Consumer<BlobContainerClientBuilder> apply) {
        this.source = source;
        this.identity = identity;
        this.sharedKey = sharedKey;
        this.sasToken = sasToken;
        this.apply = apply;
    }

    /** The credentials a component's metadata selects. */
    static AzureCredentials from(StoreSettings s, String account, AzureEnvironment environment) {
        String component = s.name();
        var key = s.get("accountKey");
        if (key.isPresent()) {
            var credential = new StorageSharedKeyCredential(account, key.get());
            return new AzureCredentials(
                    "accountKey of component '" + component + "'",
                    "key:" + fingerprint(account + '\0' + key.get()),
                    credential,
                    null,
                    b -> b.credential(credential));
        }
        var sas = s.get("sasToken").or(() -> s.get("sasKey"));
        if (sas.isPresent()) {
            String token = sas.get().startsWith("?") ? sas.get().substring(1) : sas.get();
            return new AzureCredentials(
                    "the SAS token of component '" + component + "'",
                    "sas:" + fingerprint(token),
                    null,
                    token,
                    b -> b.sasToken(token));
        }
        if (s.get("azureCertificate").isPresent()
                || s.get("azureCertificateFile").isPresent()) {
            throw notSupported(component, "certificate authentication (azureCertificate, azureCertificateFile)");
        }
        var tenant = s.get("azureTenantId");
        var client = s.get("azureClientId");
        var secret = s.get("azureClientSecret");
        if (secret.isPresent()) {
            if (tenant.isEmpty() || client.isEmpty()) {
                throw new StorageConfigException("component '" + component + "' sets azureClientSecret, so it also"
                        + " needs metadata 'azureTenantId' and 'azureClientId'");
            }
            TokenCredential credential = new ClientSecretCredentialBuilder()
                    .tenantId(tenant.get())
                    .clientId(client.get())
                    .clientSecret(secret.get())
                    .authorityHost(environment.authorityHost())
                    .build();
            return new AzureCredentials(
                    "the service principal " + client.get() + " of component '" + component + "'",
                    "sp:" + fingerprint(tenant.get() + '\0' + client.get() + '\0' + secret.get()),
                    null,
                    null,
                    b -> b.credential(credential));
        }
        if (s.get("azureFederatedTokenFile").isPresent()) {
            throw notSupported(component, "workload identity (azureFederatedTokenFile)");
        }
        if (client.isPresent()
                || s.get("msiEndpoint").isPresent()
                || s.get("msiResourceId").isPresent()) {
            throw notSupported(
                    component,
                    "a user-assigned managed identity (azureClientId without azureClientSecret, msiEndpoint,"
                            + " msiResourceId); remove them to use the default credential chain, which finds a"
                            + " system-assigned identity");
        }
        TokenCredential chain = new DefaultAzureCredentialBuilder()
                .authorityHost(environment.authorityHost())
                .build();
        return new AzureCredentials(
                "the default Azure credential chain (environment, workload identity, managed identity, Azure CLI)"
                        + " for component '" + component + "'",
                "default",
                null,
                null,
                b -> b.credential(chain));
    }

    /** Authenticates requests built by {@code builder}. */
    void applyTo(BlobContainerClientBuilder builder) {
        apply.accept(builder);
    }

    /** Where the credentials come from, for messages; never a secret. */
    String source() {
        return source;
    }

    /** Equal for two stores exactly when they use the same credentials; holds no printable secret. */
    String identity() {
        return identity;
    }

    /** The account key, which can sign read URLs (SAS); {@code null} for other credentials. */
    StorageSharedKeyCredential sharedKey() {
        return sharedKey;
    }

    /** The SAS token (without {@code ?}) that authorises this store's requests; {@code null} for other credentials. */
    String sasToken() {
        return sasToken;
    }

    @Override
    public String toString() {
        return source;
    }

    private static StorageConfigException notSupported(String component, String what) {
        return new StorageConfigException("component '" + component + "': " + what + " is not supported yet; use"
                + " accountKey, sasToken, a service principal secret (azureTenantId, azureClientId,"
                + " azureClientSecret) or the default credential chain");
    }

    private static String fingerprint(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
