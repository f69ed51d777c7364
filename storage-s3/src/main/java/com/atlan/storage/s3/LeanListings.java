package com.atlan.storage.s3;

import com.atlan.storage.s3.http.HttpResponse;
import com.atlan.storage.store.StorageException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * The lean path's listings: ListObjectsV2 pages and ListMultipartUploads pages, sent through {@link LeanTransport}
 * and read with streaming parsers ({@link ListPageXml}, {@link UploadsPageXml}).
 */
final class LeanListings {

    private final S3StoreConfig config;
    private final S3Errors errors;
    private final LeanTransport transport;

    LeanListings(S3StoreConfig config, S3Errors errors, LeanTransport transport) {
        this.config = config;
        this.errors = errors;
        this.transport = transport;
    }

    /** One ListObjectsV2 page; a body that is not a {@code ListBucketResult} is an error, never an empty page. */
    ListPage page(String prefix, String startAfter, String delimiter, String continuationToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("list-type", "2");
        query.put("encoding-type", "url");
        if (prefix != null && !prefix.isEmpty()) query.put("prefix", prefix);
        if (startAfter != null && !startAfter.isEmpty()) query.put("start-after", startAfter);
        if (delimiter != null) query.put("delimiter", delimiter);
        if (continuationToken != null) query.put("continuation-token", continuationToken);
        String where = prefix == null ? "" : prefix;
        try (HttpResponse response = transport.send("GET", null, query, List.of(), null, 0, "listing", where)) {
            if (response.status() / 100 != 2) throw transport.failure(response, "listing", where);
            ListPage page = ListPageXml.parse(response.body());
            if (page == null) {
                throw errors.notS3(
                        "listing '" + where + "' in " + config.storeName() + " (bucket '" + config.bucket() + "')",
                        "HTTP " + response.status() + " with a body that is not a ListBucketResult ("
                                + Optional.ofNullable(response.header("content-type"))
                                        .orElse("no content type") + ")",
                        null);
            }
            return page;
        } catch (IOException | XMLStreamException e) {
            throw errors.io(new IOException("unreadable listing: " + e.getMessage(), e), "listing", where);
        } catch (RuntimeException e) {
            if (e instanceof StorageException se) throw se;
            throw errors.io(new IOException("unreadable listing: " + e, e), "listing", where);
        }
    }

    /** One ListMultipartUploads page; a body that is not a listing of uploads is an error. */
    S3Requests.UploadsPage uploads(String prefix, String keyMarker, String uploadIdMarker) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("uploads", "");
        query.put("encoding-type", "url");
        if (prefix != null && !prefix.isEmpty()) query.put("prefix", prefix);
        if (keyMarker != null) query.put("key-marker", keyMarker);
        if (uploadIdMarker != null) query.put("upload-id-marker", uploadIdMarker);
        String operation = "listing unfinished uploads under";
        String where = prefix == null ? "" : prefix;
        try (HttpResponse response = transport.send("GET", null, query, List.of(), null, 0, operation, where)) {
            if (response.status() / 100 != 2) throw transport.failure(response, operation, where);
            S3Requests.UploadsPage page = UploadsPageXml.parse(response.body());
            if (page == null) {
                throw errors.notS3(
                        "listing unfinished uploads in " + config.storeName() + " (bucket '" + config.bucket() + "')",
                        "HTTP " + response.status() + " with a body that is not a ListMultipartUploadsResult",
                        null);
            }
            return page;
        } catch (IOException | XMLStreamException e) {
            throw errors.io(new IOException("unreadable list of uploads: " + e.getMessage(), e), operation, where);
        }
    }
}
