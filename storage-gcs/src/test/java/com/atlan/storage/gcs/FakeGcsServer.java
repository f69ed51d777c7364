package com.atlan.storage.gcs;

import com.atlan.storage.store.StoreSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A Cloud Storage JSON API on 127.0.0.1, in memory, implementing exactly the requests the Google Cloud client makes
 * for what the GCS backend does, with the service's documented semantics: object get, media download with ranges,
 * paged listing in code point order with {@code prefix} and {@code startOffset}, multipart and resumable uploads
 * that check declared {@code md5Hash}/{@code crc32c} and never show an unfinished upload, delete, rewrite with
 * generation preconditions, bucket create. Anything else is answered 501, never approximated. No GCS emulator can be
 * installed here from a package registry (see docs/gcs.md), which is why this exists.
 *
 * <p>Run it alone (for the benchmark) with {@code main}: it prints {@code listening on http://127.0.0.1:PORT}.
 */
public final class FakeGcsServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static FakeGcsServer shared;

    private final HttpServer http;
    private final FakeGcsObjects objects = new FakeGcsObjects();
    private final FakeGcsUploads uploads;
    private final String endpoint;
    /** Requests answered 501, for tests that check the fake was not asked for more than it implements. */
    private final List<String> unimplemented = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeGcsServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", this::handle);
        http.start();
        endpoint = "http://127.0.0.1:" + http.getAddress().getPort();
        uploads = new FakeGcsUploads(objects, endpoint);
    }

    /** One server for the whole test JVM; tests stay independent by using fresh buckets. */
    public static synchronized FakeGcsServer get() {
        if (shared == null) {
            try {
                shared = new FakeGcsServer();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public static void main(String[] args) throws IOException {
        FakeGcsServer server = new FakeGcsServer();
        System.out.println("listening on " + server.endpoint());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }

    public String endpoint() {
        return endpoint;
    }

    /** A new, empty bucket. */
    public String newBucket() {
        String bucket = "test-bucket-" + BUCKETS.incrementAndGet();
        objects.createBucket(bucket);
        return bucket;
    }

    /** The requests answered 501 so far. */
    public List<String> unimplemented() {
        return List.copyOf(unimplemented);
    }

    /** Settings for an emulator component over {@code bucket}, plus {@code extra} metadata. */
    public StoreSettings settings(String component, String bucket, Map<String, String> extra) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("bucket", bucket);
        metadata.put("endpoint", endpoint);
        metadata.put("useEmulator", "true");
        metadata.putAll(extra);
        return new StoreSettings(component, "bindings.gcp.bucket", metadata, null, 8);
    }

    /** A store over a new bucket. */
    public GcsBackend newStore(String component, Map<String, String> extra) {
        return (GcsBackend) new GcsStoreProvider().create(settings(component, newBucket(), extra));
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            // media downloads may use /download/storage/v1/...: it serves objects as /storage/v1 does with alt=media
            String path = rawPath.startsWith("/download/storage/v1/b/") ? rawPath.substring(9) : rawPath;
            Map<String, String> query = query(exchange.getRequestURI());
            List<String> parts = Arrays.stream(path.split("/", -1))
                    .map(p -> URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .toList();
            // parts: "", "storage"|"upload", ...
            if (path.startsWith("/upload/storage/v1/b/")
                    && parts.size() == 7
                    && parts.get(6).equals("o")) {
                if (method.equals("POST") && "multipart".equals(query.get("uploadType"))) {
                    uploads.multipart(exchange, parts.get(5), query);
                    return;
                }
                if (method.equals("POST") && "resumable".equals(query.get("uploadType"))) {
                    uploads.start(exchange, parts.get(5), query);
                    return;
                }
                if (method.equals("PUT") && query.containsKey("upload_id")) {
                    uploads.resume(exchange, query.get("upload_id"));
                    return;
                }
            }
            if (path.equals("/storage/v1/b") && method.equals("POST")) {
                String name = JSON.readTree(body(exchange)).path("name").asText();
                if (!objects.createBucket(name)) {
                    error(exchange, 409, "conflict", "You already own this bucket.");
                    return;
                }
                send(exchange, 200, JsonNodeFactory.instance.objectNode().put("name", name));
                return;
            }
            if (path.startsWith("/storage/v1/b/")
                    && parts.size() >= 6
                    && parts.get(5).equals("o")) {
                String bucket = parts.get(4);
                if (!objects.hasBucket(bucket)) {
                    error(exchange, 404, "notFound", "The specified bucket does not exist.");
                    return;
                }
                if (parts.size() == 6 && method.equals("GET")) {
                    list(exchange, bucket, query);
                    return;
                }
                if (parts.size() == 7) {
                    object(exchange, method, bucket, parts.get(6), query);
                    return;
                }
                if (parts.size() == 12 && parts.get(7).equals("rewriteTo") && method.equals("POST")) {
                    rewrite(exchange, bucket, parts.get(6), parts.get(9), parts.get(11), query);
                    return;
                }
            }
            unimplemented.add(method + " " + exchange.getRequestURI());
            error(exchange, 501, "notImplemented", "FakeGcsServer does not implement " + method + " " + path);
        } catch (RuntimeException e) {
            error(exchange, 500, "backendError", "FakeGcsServer failed: " + e);
        }
    }

    private void list(HttpExchange exchange, String bucket, Map<String, String> query) throws IOException {
        if (query.containsKey("delimiter") || query.containsKey("matchGlob") || query.containsKey("endOffset")) {
            unimplemented.add("GET list with " + query.keySet());
            error(exchange, 501, "notImplemented", "FakeGcsServer lists without delimiter, matchGlob or endOffset");
            return;
        }
        int max = Math.min(1000, Integer.parseInt(query.getOrDefault("maxResults", "1000")));
        String prefix = query.getOrDefault("prefix", "");
        String token = query.get("pageToken");
        String start = token != null
                ? new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                : query.get("startOffset");
        List<FakeGcsObjects.Stored> page = objects.list(bucket, prefix, start, max + 1);
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("kind", "storage#objects");
        var items = json.putArray("items");
        page.stream().limit(max).forEach(o -> items.add(o.resource()));
        if (page.size() > max) {
            json.put(
                    "nextPageToken",
                    Base64.getUrlEncoder().encodeToString(page.get(max).name().getBytes(StandardCharsets.UTF_8)));
        }
        send(exchange, 200, json);
    }

    private void object(HttpExchange exchange, String method, String bucket, String name, Map<String, String> query)
            throws IOException {
        Long ifGeneration = longParam(query, "ifGenerationMatch");
        FakeGcsObjects.Stored stored = objects.get(bucket, name);
        if (method.equals("DELETE")) {
            if (stored == null) {
                error(exchange, 404, "notFound", "No such object: " + bucket + "/" + name);
            } else if (!objects.delete(bucket, name, ifGeneration)) {
                error(
                        exchange,
                        412,
                        "conditionNotMet",
                        "At least one of the pre-conditions you specified did not hold.");
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            return;
        }
        if (!method.equals("GET")) {
            unimplemented.add(method + " object");
            error(exchange, 501, "notImplemented", "FakeGcsServer does not implement " + method + " on objects");
            return;
        }
        Long generation = longParam(query, "generation");
        if (stored == null || (generation != null && stored.generation() != generation)) {
            error(exchange, 404, "notFound", "No such object: " + bucket + "/" + name);
            return;
        }
        if (!FakeGcsObjects.matches(stored, ifGeneration)) {
            error(exchange, 412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
            return;
        }
        if (!"media".equals(query.get("alt"))) {
            send(exchange, 200, stored.resource());
            return;
        }
        FakeGcsMedia.send(exchange, stored);
    }

    private void rewrite(
            HttpExchange exchange, String bucket, String name, String toBucket, String toName, Map<String, String> q)
            throws IOException {
        byte[] body = body(exchange);
        FakeGcsObjects.Stored source = objects.get(bucket, name);
        if (source == null) {
            error(exchange, 404, "notFound", "No such object: " + bucket + "/" + name);
            return;
        }
        if (!FakeGcsObjects.matches(source, longParam(q, "ifSourceGenerationMatch"))) {
            error(exchange, 412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
            return;
        }
        if (!objects.hasBucket(toBucket)) {
            error(exchange, 404, "notFound", "The destination bucket does not exist.");
            return;
        }
        // without a destination resource the source's metadata is kept; with one, the resource's metadata is used
        ObjectNode metadata = body.length == 0 ? source.metadata() : FakeGcsUploads.metadataOf(JSON.readTree(body));
        FakeGcsObjects.Stored copy =
                objects.put(toBucket, toName, source.data(), metadata, longParam(q, "ifGenerationMatch"));
        if (copy == null) {
            error(exchange, 412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
            return;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("kind", "storage#rewriteResponse");
        json.put("totalBytesRewritten", Long.toString(copy.data().length));
        json.put("objectSize", Long.toString(copy.data().length));
        json.put("done", true);
        json.set("resource", copy.resource());
        send(exchange, 200, json);
    }

    static byte[] body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static void error(HttpExchange exchange, int status, String reason, String message) throws IOException {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        ObjectNode inner = error.putObject("error").put("code", status).put("message", message);
        inner.putArray("errors")
                .addObject()
                .put("message", message)
                .put("domain", "global")
                .put("reason", reason);
        send(exchange, status, error);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> result = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(k, v);
        }
        return result;
    }

    static Long longParam(Map<String, String> query, String name) {
        String v = query.get(name);
        return v == null ? null : Long.parseLong(v);
    }
}
