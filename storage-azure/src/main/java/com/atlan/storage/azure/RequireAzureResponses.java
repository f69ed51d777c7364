package com.atlan.storage.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;

/**
 * Refuses answers that do not come from a Blob Storage service: every answer of Azure (and Azurite) names its
 * request ({@code x-ms-request-id}). A web page at the configured endpoint would otherwise pass for a blob whose
 * size is the page's (a HEAD answered 200), or for an empty listing.
 */
final class RequireAzureResponses extends HttpPipelineSyncPolicy {

    private static final HttpHeaderName REQUEST_ID = HttpHeaderName.fromString("x-ms-request-id");

    @Override
    protected HttpResponse afterReceivedResponse(HttpPipelineCallContext context, HttpResponse response) {
        if (response.getHeaders().getValue(REQUEST_ID) == null) {
            int status = response.getStatusCode();
            response.close();
            throw new NotBlobStorageException("the endpoint answered HTTP " + status
                    + " without the x-ms-request-id header every Azure Blob Storage answer has");
        }
        return response;
    }

    /** An answer from something that is not a Blob Storage service. */
    static final class NotBlobStorageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotBlobStorageException(String message) {
            super(message);
        }
    }
}
