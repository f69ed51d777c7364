package com.atlan.storage.s3;

import com.atlan.storage.s3.http.HttpResponse;
import com.atlan.storage.store.StorageConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lean path's multipart upload requests other than the parts: CreateMultipartUpload, CompleteMultipartUpload and
 * AbortMultipartUpload, sent through {@link LeanTransport}. S3 may answer a completion with 200 and report its failure
 * in the body (it sends the status before it has finished), so the body is read and an {@code <Error>} in it is
 * mapped like any other error; a body that is no S3 result at all (a web server answering 200) is a configuration
 * error naming the endpoint.
 */
final class LeanMultipart {

    private final S3Errors errors;
    private final LeanTransport transport;

    LeanMultipart(S3Errors errors, LeanTransport transport) {
        this.errors = errors;
        this.transport = transport;
    }

    /** Starts an upload of {@code key} with {@code headers} (content type, user metadata, write attributes). */
    String create(String key, List<String[]> headers) {
        String operation = "starting multipart upload of";
        try (HttpResponse response =
                transport.send("POST", key, Map.of("uploads", ""), headers, null, 0, operation, key)) {
            String result = transport.resultBody(response, operation, key);
            if (!result.contains("InitiateMultipartUploadResult")) {
                throw notAResult(response, operation, key, "InitiateMultipartUploadResult");
            }
            String uploadId = S3ErrorXml.element(result, "UploadId");
            if (uploadId == null || uploadId.isEmpty()) {
                throw errors.map(502, null, "the answer has no UploadId", response.headers(), operation, key, null);
            }
            return uploadId;
        } catch (IOException e) {
            throw errors.io(e, operation, key);
        }
    }

    /** Completes an upload from its parts' ETags, in part order. */
    S3Requests.Written complete(String key, String uploadId, List<String> partEtags) {
        StringBuilder xml = new StringBuilder(64 + 80 * partEtags.size())
                .append("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (int i = 0; i < partEtags.size(); i++) {
            xml.append("<Part><PartNumber>")
                    .append(i + 1)
                    .append("</PartNumber><ETag>&quot;")
                    .append(escapeXml(partEtags.get(i)))
                    .append("&quot;</ETag></Part>");
        }
        byte[] body = xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
        List<String[]> headers = List.<String[]>of(new String[] {"Content-Type", "application/xml"});
        String operation = "completing upload of";
        try (HttpResponse response =
                transport.send("POST", key, Map.of("uploadId", uploadId), headers, body, body.length, operation, key)) {
            String result = transport.resultBody(response, operation, key);
            if (!result.contains("CompleteMultipartUploadResult")) {
                throw notAResult(response, operation, key, "CompleteMultipartUploadResult");
            }
            // no ETag (some servers give none) is read from a HEAD by the uploader, as with the SDK
            String etag = S3ErrorXml.element(result, "ETag");
            return new S3Requests.Written(etag == null ? null : Md5.unquote(etag), null, response.headers());
        } catch (IOException e) {
            throw errors.io(e, operation, key);
        }
    }

    /** Aborts an upload, so its parts are not kept (and billed) by the server. */
    void abort(String key, String uploadId) {
        String operation = "aborting upload of";
        try (HttpResponse response =
                transport.send("DELETE", key, Map.of("uploadId", uploadId), List.of(), null, 0, operation, key)) {
            if (response.status() / 100 != 2) throw transport.failure(response, operation, key);
            response.readBody(LeanTransport.ERROR_BODY_LIMIT);
        } catch (IOException e) {
            throw errors.io(e, operation, key);
        }
    }

    /**
     * A 2xx answer whose body is not the result S3 sends (a web page, a login page, a proxy's fallback): the endpoint
     * is no S3 server, which no retry mends.
     */
    private StorageConfigException notAResult(HttpResponse response, String operation, String key, String result) {
        return errors.notS3(
                errors.describe(operation, key),
                "HTTP " + response.status() + " with a body that is not an S3 " + result + " ("
                        + Optional.ofNullable(response.header("content-type")).orElse("no content type") + ")",
                null);
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
