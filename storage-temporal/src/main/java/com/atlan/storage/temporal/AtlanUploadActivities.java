package com.atlan.storage.temporal;

import com.atlan.storage.migrate.MigrationSummary;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The application SDK's exit activity in Java: {@code upload_to_atlan} copies a workflow's output from the
 * deployment store to the upstream (Atlan) store, so an application's workflow ports line by line:
 *
 * <pre>{@code
 * AtlanUploadActivities upload = Workflow.newActivityStub(AtlanUploadActivities.class, AtlanUploadActivities.options());
 * UploadStatistics stats = upload.uploadToAtlan(outputPath);
 * }</pre>
 */
@ActivityInterface
public interface AtlanUploadActivities {

    /** The environment variable that turns the upload on ({@code true}); off, the activity uploads nothing. */
    String ENABLE_ATLAN_UPLOAD = "ENABLE_ATLAN_UPLOAD";

    /** The failure type when objects failed to upload; its message names them, its details are the summary. */
    String ATLAN_UPLOAD_ERROR = "ATLAN_UPLOAD_ERROR";

    /** The statistics' type name of a completed upload, as the SDK reports it. */
    String UPLOAD_COMPLETED = "atlan-upload-completed";

    /** The statistics' type name when {@value #ENABLE_ATLAN_UPLOAD} is not {@code true}. */
    String UPLOAD_DISABLED = "atlan-upload-disabled";

    /**
     * Migrates what {@code outputPath} selects (a local staging path or a store prefix, normalised as {@code
     * ObjectStore.as_store_key} does) from the deployment store to the upstream store, heartbeating every third of the
     * heartbeat timeout.
     *
     * @throws io.temporal.failure.ApplicationFailure of type {@value #ATLAN_UPLOAD_ERROR} naming the failed files when
     *     any failed (retried by the activity's retry policy: a retry copies only what is still missing)
     */
    @ActivityMethod(name = "upload_to_atlan")
    UploadStatistics uploadToAtlan(String outputPath);

    /**
     * The SDK's options for this activity: retried up to 6 times with backoff 2, a 2-hour start-to-close timeout and
     * a 60-second heartbeat timeout.
     */
    static ActivityOptions options() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofHours(2))
                .setHeartbeatTimeout(Duration.ofSeconds(60))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setMaximumAttempts(6)
                        .setBackoffCoefficient(2)
                        .setInitialInterval(Duration.ofSeconds(1))
                        .build())
                .build();
    }

    /**
     * What an upload did, in the SDK's {@code ActivityStatistics} shape.
     *
     * @param totalRecordCount objects at the upstream store and identical (the summary's {@code migrated_files})
     * @param chunkCount       objects the output path held (the summary's {@code total_files})
     * @param typename         {@value #UPLOAD_COMPLETED}, or {@value #UPLOAD_DISABLED} when the upload is off
     * @param summary          the migration's summary, or {@code null} when the upload is off
     */
    record UploadStatistics(
            @JsonProperty("total_record_count") long totalRecordCount,
            @JsonProperty("chunk_count") long chunkCount,
            @JsonProperty("typename") String typename,
            @JsonProperty("summary") MigrationSummary summary) {}
}
