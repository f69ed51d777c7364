package com.atlan.storage.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upload requests of {@link FakeGcsServer}: multipart uploads, and resumable sessions ({@link FakeGcsUpload})
 * started, continued chunk by chunk and finished. Declared {@code md5Hash}/{@code crc32c} and generation
 * preconditions are checked when an upload finishes; a refused session is gone, as GCS forgets it.
 */
final class FakeGcsUploads {

    private final FakeGcsObjects objects;
    private final String endpoint;
    private final Map<String, FakeGcsUpload> uploads = new ConcurrentHashMap<>();

    FakeGcsUploads(FakeGcsObjects objects, String endpoint) {
        this.objects = objects;
        this.endpoint = endpoint;
    }

    void multipart(HttpExchange exchange, String bucket, Map<String, String> query) throws IOException {
        if (!objects.hasBucket(bucket)) {
            FakeGcsServer.error(exchange, 404, "notFound", "The specified bucket does not exist.");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        FakeGcsMedia.Multipart parts = FakeGcsMedia.multipart(type, FakeGcsServer.body(exchange));
        JsonNode resource = FakeGcsServer.JSON.readTree(parts.json());
        String name = resource.hasNonNull("name") ? resource.get("name").asText() : query.get("name");
        finish(exchange, bucket, name, resource, parts.media(), FakeGcsServer.longParam(query, "ifGenerationMatch"));
    }

    void start(HttpExchange exchange, String bucket, Map<String, String> query) throws IOException {
        if (!objects.hasBucket(bucket)) {
            FakeGcsServer.error(exchange, 404, "notFound", "The specified bucket does not exist.");
            return;
        }
        byte[] body = FakeGcsServer.body(exchange);
        JsonNode resource =
                body.length == 0 ? JsonNodeFactory.instance.objectNode() : FakeGcsServer.JSON.readTree(body);
        String name = resource.hasNonNull("name") ? resource.get("name").asText() : query.get("name");
        String id = UUID.randomUUID().toString();
        uploads.put(id, new FakeGcsUpload(bucket, name, resource, FakeGcsServer.longParam(query, "ifGenerationMatch")));
        exchange.getResponseHeaders()
                .add(
                        "Location",
                        endpoint + "/upload/storage/v1/b/" + bucket + "/o?uploadType=resumable&upload_id=" + id);
        exchange.sendResponseHeaders(200, -1);
    }

    void resume(HttpExchange exchange, String id) throws IOException {
        FakeGcsUpload upload = uploads.get(id);
        if (upload == null) {
            FakeGcsServer.error(exchange, 404, "notFound", "No such upload session.");
            return;
        }
        byte[] body = FakeGcsServer.body(exchange);
        synchronized (upload) {
            if (upload.finished() != null) {
                FakeGcsServer.send(exchange, 200, upload.finished().resource());
                return;
            }
            FakeGcsUpload.Step step = upload.accept(exchange.getRequestHeaders().getFirst("Content-Range"), body);
            switch (step) {
                case INCOMPLETE -> {
                    if (upload.persisted() > 0) {
                        exchange.getResponseHeaders().add("Range", "bytes=0-" + (upload.persisted() - 1));
                    }
                    exchange.sendResponseHeaders(308, -1);
                }
                case BAD_RANGE ->
                    FakeGcsServer.error(exchange, 400, "invalid", "Invalid Content-Range for the bytes persisted.");
                case COMPLETE -> {
                    FakeGcsObjects.Stored stored = finish(
                            exchange,
                            upload.bucket(),
                            upload.name(),
                            upload.resource(),
                            upload.bytes(),
                            upload.ifGenerationMatch());
                    upload.finish(stored);
                    // a finished session answers with its object; a refused one (bad hash, precondition) is gone
                    if (stored == null) {
                        uploads.remove(id);
                    }
                }
            }
        }
    }

    /** Stores an uploaded object after checking its declared hashes and preconditions, and answers. */
    private FakeGcsObjects.Stored finish(
            HttpExchange exchange, String bucket, String name, JsonNode resource, byte[] data, Long ifGeneration)
            throws IOException {
        FakeGcsObjects.Stored candidate =
                new FakeGcsObjects.Stored(bucket, name, data, 0, metadataOf(resource), java.time.Instant.now());
        if (resource.hasNonNull("md5Hash") && !resource.get("md5Hash").asText().equals(candidate.md5())) {
            FakeGcsServer.error(
                    exchange,
                    400,
                    "invalid",
                    "Provided MD5 hash \"" + resource.get("md5Hash").asText()
                            + "\" doesn't match calculated MD5 hash \"" + candidate.md5() + "\".");
            return null;
        }
        if (resource.hasNonNull("crc32c") && !resource.get("crc32c").asText().equals(candidate.crc32c())) {
            FakeGcsServer.error(
                    exchange,
                    400,
                    "invalid",
                    "Provided CRC32C \"" + resource.get("crc32c").asText() + "\" doesn't match calculated CRC32C \""
                            + candidate.crc32c() + "\".");
            return null;
        }
        FakeGcsObjects.Stored stored = objects.put(bucket, name, data, candidate.metadata(), ifGeneration);
        if (stored == null) {
            FakeGcsServer.error(
                    exchange, 412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
            return null;
        }
        FakeGcsServer.send(exchange, 200, stored.resource());
        return stored;
    }

    static ObjectNode metadataOf(JsonNode resource) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        for (String field : FakeGcsObjects.METADATA_FIELDS) {
            if (resource.hasNonNull(field)) {
                metadata.set(field, resource.get(field));
            }
        }
        if (resource.hasNonNull("metadata")) {
            metadata.set("metadata", resource.get("metadata"));
        }
        return metadata;
    }
}
