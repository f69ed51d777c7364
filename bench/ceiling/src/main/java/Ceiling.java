import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The throughput ceiling for the benchmark: the same GETs and PUTs a migration issues, sent
 * by a bare concurrent client with no listing merge, no checksums, no retries of its own and
 * no state. Whatever a migration tool reaches, it cannot expect much more than this on the
 * same machine and server, so the harness reports every tool relative to it.
 *
 * <p>Source is either an S3 bucket (GET then PUT each object) or a local folder (PUT each
 * file). Prints one JSON line: {@code {"objects":N,"bytes":B,"seconds":S,"failed":F}}.
 */
public final class Ceiling {

    private static final long MULTIPART_THRESHOLD = 64L << 20;
    private static final long PART_SIZE = 16L << 20;
    private static final int PARTS_IN_FLIGHT = 4;

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        try (S3Client s3 = client(a)) {
            long start = System.nanoTime();
            Counters c = a.srcDir != null ? uploadFolder(s3, a) : copyBucket(s3, a);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("{\"objects\":%d,\"bytes\":%d,\"seconds\":%.3f,\"failed\":%d}%n",
                    c.objects.get(), c.bytes.get(), seconds, c.failed.get());
            if (c.failed.get() > 0) {
                System.err.println("first failure: " + c.firstError.get());
                System.exit(1);
            }
        }
    }

    /**
     * Fixed client settings, so the ceiling is not slowed by SDK defaults. The Apache 4 client
     * is deprecated in favour of apache5-client, but it is the one the reference numbers in
     * java-deps.md were measured with, so the ceiling stays comparable to them.
     */
    @SuppressWarnings("deprecation")
    private static S3Client client(Args a) {
        return S3Client.builder()
                .endpointOverride(URI.create(a.endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(a.accessKey, a.secretKey)))
                .forcePathStyle(true)
                // aws-chunked signing plus CRC trailers cost ~2.5x on small PUTs over http here.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(a.concurrency + 8)
                        .socketTimeout(Duration.ofMinutes(5)))
                .build();
    }

    private static Counters copyBucket(S3Client s3, Args a) throws InterruptedException {
        Counters c = new Counters();
        try (Bounded pool = new Bounded(a.concurrency)) {
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(a.srcBucket)).contents()) {
                pool.submit(c, () -> o.size() > MULTIPART_THRESHOLD
                        ? copyMultipart(s3, a, o)
                        : copySingle(s3, a, o.key()));
            }
        }
        return c;
    }

    /**
     * Small objects: one GET, one PUT. The body is held in one exact-size array because over
     * plain http the SigV4 payload hash needs a re-readable body.
     */
    private static long copySingle(S3Client s3, Args a, String key) throws IOException {
        byte[] body;
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(a.srcBucket).key(key))) {
            body = in.readNBytes(Math.toIntExact(in.response().contentLength()));
        }
        s3.putObject(r -> r.bucket(a.dstBucket).key(key), bytes(body));
        return body.length;
    }

    /**
     * Large objects: a ranged GET and an UploadPart per part, PARTS_IN_FLIGHT at a time (as
     * rclone does). A single PUT is not an option: S3Proxy buffers a non-chunked SigV4 body
     * to verify its hash and refuses bodies over 128 MiB.
     */
    private static long copyMultipart(S3Client s3, Args a, S3Object o) throws Exception {
        String uploadId = s3.createMultipartUpload(r -> r.bucket(a.dstBucket).key(o.key())).uploadId();
        int parts = Math.toIntExact((o.size() + PART_SIZE - 1) / PART_SIZE);
        CompletedPart[] done = new CompletedPart[parts];
        Semaphore inFlight = new Semaphore(PARTS_IN_FLIGHT);
        try (ExecutorService partPool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int n = i + 1;
                long first = i * PART_SIZE, last = Math.min(o.size(), first + PART_SIZE) - 1;
                inFlight.acquire();
                futures.add(partPool.submit(() -> {
                    try {
                        byte[] body = s3.getObjectAsBytes(r -> r.bucket(a.srcBucket).key(o.key())
                                .range("bytes=" + first + "-" + last)).asByteArrayUnsafe();
                        String etag = s3.uploadPart(r -> r.bucket(a.dstBucket).key(o.key())
                                .uploadId(uploadId).partNumber(n), bytes(body)).eTag();
                        done[n - 1] = CompletedPart.builder().partNumber(n).eTag(etag).build();
                        return null;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        }
        s3.completeMultipartUpload(r -> r.bucket(a.dstBucket).key(o.key()).uploadId(uploadId)
                .multipartUpload(m -> m.parts(done)));
        return o.size();
    }

    private static RequestBody bytes(byte[] body) {
        return RequestBody.fromContentProvider(
                ContentStreamProvider.fromByteArrayUnsafe(body), body.length, "application/octet-stream");
    }

    private static Counters uploadFolder(S3Client s3, Args a) throws Exception {
        Counters c = new Counters();
        Path root = Path.of(a.srcDir);
        try (Bounded pool = new Bounded(a.concurrency);
             Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String key = root.relativize(f).toString().replace('\\', '/');
                pool.submit(c, () -> {
                    s3.putObject(r -> r.bucket(a.dstBucket).key(key), RequestBody.fromFile(f));
                    return Files.size(f);
                });
            }
        }
        return c;
    }

    private interface Transfer {
        long run() throws Exception;
    }

    private static final class Counters {
        final AtomicLong objects = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
    }

    /** Virtual threads with a semaphore: at most N in flight, and the lister waits for a slot. */
    private static final class Bounded implements AutoCloseable {
        private final Semaphore slots;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

        Bounded(int concurrency) {
            this.slots = new Semaphore(concurrency);
        }

        void submit(Counters c, Transfer t) throws InterruptedException {
            slots.acquire();
            executor.execute(() -> {
                try {
                    c.bytes.addAndGet(t.run());
                    c.objects.incrementAndGet();
                } catch (Exception e) {
                    c.failed.incrementAndGet();
                    c.firstError.compareAndSet(null, e.toString());
                } finally {
                    slots.release();
                }
            });
        }

        @Override
        public void close() {
            executor.close(); // waits for every submitted transfer
        }
    }

    private record Args(String endpoint, String accessKey, String secretKey, String srcBucket,
                        String srcDir, String dstBucket, int concurrency) {
        static Args parse(String[] args) {
            java.util.Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) usage("unexpected argument " + args[i]);
                m.put(args[i].substring(2), args[i + 1]);
            }
            if (args.length % 2 != 0) usage("every option needs a value");
            String src = m.get("src-bucket"), dir = m.get("src-dir");
            if ((src == null) == (dir == null)) usage("give exactly one of --src-bucket, --src-dir");
            return new Args(req(m, "endpoint"), req(m, "access-key"), req(m, "secret-key"), src, dir,
                    req(m, "dst-bucket"), Integer.parseInt(m.getOrDefault("concurrency", "32")));
        }

        private static String req(java.util.Map<String, String> m, String name) {
            String v = m.get(name);
            if (v == null) usage("missing --" + name);
            return v;
        }

        private static void usage(String why) {
            System.err.println("Ceiling: " + why + "\nusage: Ceiling --endpoint URL --access-key K"
                    + " --secret-key S (--src-bucket B | --src-dir D) --dst-bucket B [--concurrency 32]");
            System.exit(2);
        }
    }
}
