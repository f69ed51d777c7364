/**
 * The {@code bindings.azure.blobstorage} backend: an Azure Blob Storage container (or Azurite) as a
 * {@link com.atlan.storage.store.Backend}, on the Azure SDK with the JDK's HTTP client. See {@code docs/azure.md}.
 */
package com.atlan.storage.azure;
