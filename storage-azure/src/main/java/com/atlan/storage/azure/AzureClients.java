package com.atlan.storage.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;

/** Builds a store's container client: the JDK's HTTP client, no SDK retries (the engine owns attempts). */
final class AzureClients {

    private AzureClients() {}

    static BlobContainerClient container(AzureStoreConfig config) {
        HttpClient http = new JdkHttpClientBuilder().build();
        BlobContainerClientBuilder builder = new BlobContainerClientBuilder()
                .endpoint(config.serviceUrl())
                .containerName(config.container())
                .httpClient(http)
                .addPolicy(new RequireAzureResponses())
                // one try per request: a request that reached the server is retried by the engine, never here
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, (Integer) null, null, null, null));
        if (config.serviceVersion() != null) {
            builder.serviceVersion(config.serviceVersion());
        }
        config.credentials().applyTo(builder);
        return builder.buildClient();
    }
}
