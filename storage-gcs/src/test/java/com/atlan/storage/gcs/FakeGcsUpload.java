package com.atlan.storage.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resumable upload session of {@link FakeGcsServer}: chunks must continue exactly where the persisted bytes end
 * ({@code Content-Range: bytes A-B/*}), the last one names the total ({@code bytes A-B/T} or {@code bytes *}{@code /T}),
 * and {@code bytes *}{@code /*} asks how much is persisted. Nothing is visible until the total arrives.
 */
final class FakeGcsUpload {

    /** What a chunk did. */
    enum Step {
        INCOMPLETE,
        COMPLETE,
        BAD_RANGE
    }

    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern QUERY = Pattern.compile("bytes \\*/(\\d+|\\*)");

    private final String bucket;
    private final String name;
    private final JsonNode resource;
    private final Long ifGenerationMatch;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private FakeGcsObjects.Stored finished;

    FakeGcsUpload(String bucket, String name, JsonNode resource, Long ifGenerationMatch) {
        this.bucket = bucket;
        this.name = name;
        this.resource = resource;
        this.ifGenerationMatch = ifGenerationMatch;
    }

    Step accept(String contentRange, byte[] body) {
        if (contentRange == null) {
            // a whole upload in one request
            bytes.writeBytes(body);
            return Step.COMPLETE;
        }
        Matcher query = QUERY.matcher(contentRange);
        if (query.matches()) {
            if (body.length != 0) {
                return Step.BAD_RANGE;
            }
            String total = query.group(1);
            if (total.equals("*")) {
                return Step.INCOMPLETE;
            }
            return Long.parseLong(total) == bytes.size() ? Step.COMPLETE : Step.BAD_RANGE;
        }
        Matcher range = RANGE.matcher(contentRange);
        if (!range.matches()) {
            return Step.BAD_RANGE;
        }
        long first = Long.parseLong(range.group(1));
        long last = Long.parseLong(range.group(2));
        if (first != bytes.size() || last - first + 1 != body.length) {
            return Step.BAD_RANGE;
        }
        bytes.writeBytes(body);
        String total = range.group(3);
        if (total.equals("*")) {
            return Step.INCOMPLETE;
        }
        long size = Long.parseLong(total);
        if (size == bytes.size()) {
            return Step.COMPLETE;
        }
        return size > bytes.size() ? Step.INCOMPLETE : Step.BAD_RANGE;
    }

    long persisted() {
        return bytes.size();
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    void finish(FakeGcsObjects.Stored stored) {
        this.finished = stored;
    }

    FakeGcsObjects.Stored finished() {
        return finished;
    }

    String bucket() {
        return bucket;
    }

    String name() {
        return name;
    }

    JsonNode resource() {
        return resource;
    }

    Long ifGenerationMatch() {
        return ifGenerationMatch;
    }
}
