package com.atlan.storage.s3;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the multipart uploads left unfinished under a prefix (by a run that was killed, or whose abort failed) and
 * aborts those started before a given time, so the parts they hold stop costing storage.
 */
final class IncompleteUploads {

    private static final Logger LOG = LoggerFactory.getLogger(IncompleteUploads.class);

    private IncompleteUploads() {}

    /** Aborts the uploads under {@code prefix} initiated before {@code before}; returns how many. */
    static int abort(S3Requests requests, S3StoreConfig config, String prefix, Instant before) {
        int aborted = 0;
        String keyMarker = null;
        String uploadIdMarker = null;
        do {
            S3Requests.UploadsPage page = requests.listMultipartUploads(prefix, keyMarker, uploadIdMarker);
            for (S3Requests.Upload upload : page.uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(before)) {
                    requests.abortMultipartUpload(upload.key(), upload.uploadId());
                    aborted++;
                    LOG.debug(
                            "aborted the unfinished upload {} of '{}' in {}",
                            upload.uploadId(),
                            upload.key(),
                            config.storeName());
                }
            }
            if (page.nextKeyMarker() != null
                    && page.nextKeyMarker().equals(keyMarker)
                    && java.util.Objects.equals(page.nextUploadIdMarker(), uploadIdMarker)) {
                break; // a server repeating its markers would loop forever
            }
            keyMarker = page.nextKeyMarker();
            uploadIdMarker = page.nextUploadIdMarker();
        } while (keyMarker != null);
        return aborted;
    }
}
