/**
 * The {@code bindings.aws.s3} backend: AWS S3 and S3-compatible servers through the AWS SDK v2 sync
 * client. Listing streams page by page, small objects go as one PUT checked against their MD5, large
 * ones as parallel multipart uploads whose buffers draw on one {@link com.atlan.storage.s3.ByteBudget}
 * per store, and copies within one S3 endpoint stay on the server. Failures are mapped onto the
 * {@link com.atlan.storage.store.StorageException} hierarchy by {@code S3Errors}.
 */
package com.atlan.storage.s3;
