/**
 * The {@code bindings.aws.s3} backend: AWS S3 and S3-compatible servers. Every request goes through one
 * {@code S3Requests}, chosen once per store by {@code FastPath}: the AWS SDK v2 sync client (the default, and the only
 * path for AWS itself) or, for an explicit S3-compatible endpoint, a lean HTTP path ({@code LeanS3Requests} over
 * {@link com.atlan.storage.s3.http.HttpConnectionPool}) signed by the SDK's own SigV4 signer. Listing streams page by
 * page and ends only where the server says it does; small objects go as one PUT checked by Content-MD5, large ones as
 * parallel multipart uploads whose buffers draw on one {@link com.atlan.storage.s3.ByteBudget} per store; copies within
 * one endpoint stay on the server. {@code S3Objects} decides per object when an ETag is an MD5, and {@code S3Errors}
 * maps failures onto the {@link com.atlan.storage.store.StorageException} hierarchy (throttling and store-wide
 * failures included). See docs/s3.md.
 */
package com.atlan.storage.s3;
