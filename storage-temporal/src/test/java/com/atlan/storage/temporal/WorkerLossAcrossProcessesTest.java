package com.atlan.storage.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.s3.TestS3Server;
import com.atlan.storage.testing.ComponentFiles;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The scale-out story end to end, in processes of their own: Temporal's test server listening on a loopback port,
 * three activity worker JVMs ({@link TemporalWorker} {@code --activities-only}; the workflow runs in the test JVM), 20,000 objects between two S3Proxy buckets. One worker is killed with SIGKILL while it holds a
 * shard that has heartbeated a checkpoint; the workflow still completes with exact counts and every object identical,
 * and the lost shard's retry resumed from the heartbeat instead of copying its objects again.
 */
class WorkerLossAcrossProcessesTest {

    private static final int OBJECTS = 20_000;
    private static final String QUEUE = "scale-out";
    private static final String ACCESS_KEY = "scale-access";
    private static final String SECRET_KEY = "scale-secret-do-not-print";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerLossAcrossProcessesTest.class);

    /** Under target/, so the server's and workers' logs outlive a failed run. */
    private final Path dir =
            Path.of("target", "scale-out-" + ProcessHandle.current().pid() + "-" + System.nanoTime());

    @Test
    void aKilledWorkersShardResumesFromItsHeartbeatAndTheCountsAreExact() throws Exception {
        BlobStore blobs = BlobStores.create("transient", credentials());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        TemporalTests.awaitTrue("S3Proxy to start", Duration.ofMinutes(1), () -> "STARTED".equals(proxy.getState()));
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        S3Client admin = TestS3Server.adminClient(endpoint, ACCESS_KEY, SECRET_KEY);
        String sourceBucket = "scale-out-source";
        String destinationBucket = "scale-out-destination";
        blobs.createContainer(sourceBucket);
        blobs.createContainer(destinationBucket);
        seed(blobs, sourceBucket);
        LOG.info("seeded {} objects; logs in {}", OBJECTS, dir.toAbsolutePath());
        Path components = dir.resolve("components");
        ComponentFiles.write(components, "objectstore", s3Component(endpoint, "objectstore", sourceBucket));
        ComponentFiles.write(
                components, "upstream-objectstore", s3Component(endpoint, "upstream-objectstore", destinationBucket));

        try (Processes processes = new Processes()) {
            int port = Processes.freePort();
            processes.start(
                    "io.temporal.testserver.TestServer", List.of(String.valueOf(port)), dir.resolve("server.log"));
            WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                    .setTarget("127.0.0.1:" + port)
                    .build());
            TemporalTests.awaitTrue("the test server to answer", Duration.ofSeconds(60), () -> answers(service));
            List<Path> workerLogs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path log = dir.resolve("worker-" + i + ".log");
                workerLogs.add(log);
                processes.start(
                        TemporalWorker.class.getName(),
                        List.of(
                                "--temporal",
                                "127.0.0.1:" + port,
                                "--task-queue",
                                QUEUE,
                                "--components",
                                components.toString(),
                                "--activities-only"),
                        log);
            }
            TemporalTests.awaitTrue(
                    "three workers polling (see " + dir.toAbsolutePath() + ")",
                    Duration.ofMinutes(2),
                    () -> workerLogs.stream().allMatch(WorkerLossAcrossProcessesTest::polling));
            WorkflowClient client = WorkflowClient.newInstance(service);
            // The workflow runs here; the worker JVMs run the activities. (Temporal's Java test server does not move
            // a workflow off a SIGKILLed sticky worker; a real cluster does, after the sticky schedule-to-start
            // timeout.)
            WorkerFactory workflows = WorkerFactory.newInstance(client);
            workflows.newWorker(QUEUE).registerWorkflowImplementationTypes(MigrationWorkflowImpl.class);
            workflows.start();
            MigrationWorkflow workflow = client.newWorkflowStub(
                    MigrationWorkflow.class,
                    WorkflowOptions.newBuilder()
                            .setTaskQueue(QUEUE)
                            .setWorkflowId("scale-out")
                            .build());
            WorkflowExecution execution = WorkflowClient.start(
                    workflow::run,
                    MigrationRequest.builder("")
                            .options(MigrationOptions.builder().concurrency(4).build())
                            .objectsPerShard(5_000)
                            .maxParallelShards(3)
                            .heartbeatTimeout(Duration.ofSeconds(6))
                            .build());

            AtomicLong victim = new AtomicLong();
            TemporalTests.awaitTrue("a worker's shard to heartbeat a checkpoint", Duration.ofMinutes(2), () -> {
                for (var beat : TemporalTests.pendingHeartbeats(service, "default", execution)
                        .entrySet()) {
                    long pid = Long.parseLong(
                            beat.getKey().replaceAll("^[^@]*@", "").replaceAll("@.*", ""));
                    if (beat.getValue().checkpoint() != null
                            && beat.getValue().checkpoint().totalFiles() >= 500
                            && processes.owns(pid)) {
                        victim.set(pid);
                        return true;
                    }
                }
                return false;
            });
            ProcessHandle.of(victim.get()).orElseThrow().destroyForcibly();
            LOG.info("killed worker {} (SIGKILL) while it held a shard with a heartbeated checkpoint", victim.get());

            MigrationSummary summary =
                    WorkflowStub.fromTyped(workflow).getResult(5, TimeUnit.MINUTES, MigrationSummary.class);
            LOG.info("workflow finished: {}", summary.toJson());

            assertThat(summary.totalFiles()).isEqualTo(OBJECTS);
            assertThat(summary.migratedFiles()).isEqualTo(OBJECTS);
            assertThat(summary.failedMigrations()).isZero();
            assertThat(etags(admin, destinationBucket)).isEqualTo(etags(admin, sourceBucket));
            List<ShardResult> shards = TemporalTests.shardResults(client, "scale-out");
            assertThat(shards.stream().mapToLong(r -> r.totals().totalFiles()).sum())
                    .isEqualTo(OBJECTS);
            // The killed worker may have held several shards; the one that had heartbeated 500 objects resumed most.
            ShardResult resumed = shards.stream()
                    .filter(r -> r.attempt() > 1)
                    .max(java.util.Comparator.comparingLong(ShardResult::resumedFiles))
                    .orElseThrow(() -> new AssertionError("no shard was retried: " + shards));
            assertThat(resumed.resumedFiles()).isGreaterThanOrEqualTo(500);
            assertThat(resumed.copiedThisAttempt()).isLessThan(resumed.totals().totalFiles());
            workflows.shutdownNow();
            service.shutdown();
        } finally {
            admin.close();
            proxy.stop();
        }
    }

    private static boolean polling(Path workerLog) {
        try {
            return Files.exists(workerLog) && Files.readString(workerLog).contains("atlan-storage worker polling");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean answers(WorkflowServiceStubs service) {
        try {
            service.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Properties credentials() {
        Properties props = new Properties();
        props.setProperty("jclouds.identity", ACCESS_KEY);
        props.setProperty("jclouds.credential", SECRET_KEY);
        return props;
    }

    /** A component over {@code bucket} of the test's S3Proxy, with its listing order. */
    private static String s3Component(URI endpoint, String name, String bucket) {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("bucket", bucket);
        metadata.put("region", "us-east-1");
        metadata.put("endpoint", endpoint.toString());
        metadata.put("accessKey", ACCESS_KEY);
        metadata.put("secretKey", SECRET_KEY);
        metadata.put("listingOrder", "utf16");
        return ComponentFiles.yaml(name, "bindings.aws.s3", metadata);
    }

    /** Writes the objects straight into the proxy's store (no HTTP): folders of 250, so shards follow folders. */
    private static void seed(BlobStore blobs, String bucket) {
        for (int i = 0; i < OBJECTS; i++) {
            String key = String.format("part-%03d/obj-%05d.json", i / 250, i);
            byte[] body = ("{\"object\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            blobs.putBlob(
                    PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(key)
                            .contentLength((long) body.length)
                            .build(),
                    new ByteArrayInputStream(body));
        }
    }

    private static Map<String, String> etags(S3Client admin, String bucket) {
        Map<String, String> etags = new HashMap<>();
        for (S3Object o : admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            etags.put(o.key(), o.eTag());
        }
        return etags;
    }
}
