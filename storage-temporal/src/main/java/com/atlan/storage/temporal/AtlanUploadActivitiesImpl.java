package com.atlan.storage.temporal;

import com.atlan.storage.accounting.FailureRecord;
import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationHandle;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.services.AtlanStorage;
import com.atlan.storage.services.ObjectStore;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AtlanUploadActivities} over a worker's {@link StorageConfiguration}. */
public final class AtlanUploadActivitiesImpl implements AtlanUploadActivities {

    /** Failed files the failure message names; the summary in its details holds them all (up to 1,000). */
    static final int FILES_NAMED = 20;

    private static final Logger LOG = LoggerFactory.getLogger(AtlanUploadActivitiesImpl.class);

    private final StorageConfiguration configuration;
    private final MigrationOptions options;

    /** Uploads between the deployment and upstream stores of {@code configuration}, with the engine's defaults. */
    public AtlanUploadActivitiesImpl(StorageConfiguration configuration) {
        this(configuration, MigrationOptions.defaults());
    }

    /** Uploads with {@code options}. */
    public AtlanUploadActivitiesImpl(StorageConfiguration configuration, MigrationOptions options) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public UploadStatistics uploadToAtlan(String outputPath) {
        if (!enabled()) {
            LOG.info("{} is not 'true': nothing of '{}' is uploaded to Atlan", ENABLE_ATLAN_UPLOAD, outputPath);
            return new UploadStatistics(0, 0, UPLOAD_DISABLED, null);
        }
        String prefix = ObjectStore.asStoreKey(outputPath);
        var names = configuration.storeNames();
        MigrationHandle handle =
                new AtlanStorage(configuration, options).start(prefix, names.deployment(), names.upstream());
        MigrationSummary summary = ActivityMigration.await(Activity.getExecutionContext(), handle, h -> h.progress());
        if (summary.failedMigrations() > 0) {
            throw ApplicationFailure.newFailure(failureMessage(outputPath, summary), ATLAN_UPLOAD_ERROR, summary);
        }
        LOG.info("uploaded {} of {} files of '{}' to Atlan", summary.migratedFiles(), summary.totalFiles(), prefix);
        return new UploadStatistics(summary.migratedFiles(), summary.totalFiles(), UPLOAD_COMPLETED, summary);
    }

    private boolean enabled() {
        return configuration
                .env(ENABLE_ATLAN_UPLOAD)
                .map(v -> v.trim().equalsIgnoreCase("true"))
                .orElse(false);
    }

    /** Names the failed files (the first {@value #FILES_NAMED}) and their errors. */
    static String failureMessage(String outputPath, MigrationSummary summary) {
        String named = summary.failures().stream()
                .limit(FILES_NAMED)
                .map(AtlanUploadActivitiesImpl::describe)
                .collect(Collectors.joining("; "));
        long more = summary.failedMigrations()
                - Math.min(FILES_NAMED, summary.failures().size());
        return "ATLAN_UPLOAD_ERROR: " + summary.failedMigrations() + " of " + summary.totalFiles() + " files of '"
                + outputPath + "' failed to upload: " + named + (more > 0 ? "; and " + more + " more" : "")
                + (summary.failuresFile() != null ? " (all listed in " + summary.failuresFile() + ")" : "");
    }

    private static String describe(FailureRecord failure) {
        return failure.file() + " (" + failure.error() + ")";
    }
}
