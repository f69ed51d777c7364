package com.atlan.storage.s3;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a ListMultipartUploads result ({@code ListMultipartUploadsResult}) into an {@link S3Requests.UploadsPage}
 * with the streaming parser {@link ListPageXml} uses, so the run-start sweep of unfinished uploads costs one request
 * on the lean path instead of starting the SDK's client. Keys and markers requested with {@code encoding-type=url}
 * are decoded.
 */
final class UploadsPageXml {

    private UploadsPageXml() {}

    /** The page in {@code body}, or {@code null} when the document is not a {@code ListMultipartUploadsResult}. */
    static S3Requests.UploadsPage parse(InputStream body) throws XMLStreamException {
        XMLStreamReader xml = ListPageXml.FACTORY.createXMLStreamReader(body, "UTF-8");
        try {
            if (xml.nextTag() != XMLStreamConstants.START_ELEMENT
                    || !xml.getLocalName().equals("ListMultipartUploadsResult")) {
                return null;
            }
            List<S3Requests.Upload> uploads = new ArrayList<>();
            boolean truncated = false;
            boolean encoded = false;
            String nextKey = null;
            String nextUploadId = null;
            String key = null;
            String uploadId = null;
            Instant initiated = null;
            boolean inUpload = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Upload" -> {
                            inUpload = true;
                            key = null;
                            uploadId = null;
                            initiated = null;
                        }
                        case "Key" -> key = inUpload ? xml.getElementText() : key;
                        case "UploadId" -> uploadId = inUpload ? xml.getElementText() : uploadId;
                        case "Initiated" -> initiated = inUpload ? instant(xml.getElementText()) : initiated;
                        case "IsTruncated" ->
                            truncated =
                                    Boolean.parseBoolean(xml.getElementText().trim());
                        case "NextKeyMarker" -> nextKey = xml.getElementText();
                        case "NextUploadIdMarker" -> nextUploadId = xml.getElementText();
                        case "EncodingType" ->
                            encoded =
                                    "url".equalsIgnoreCase(xml.getElementText().trim());
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("Upload")) {
                    inUpload = false;
                    if (key == null || uploadId == null) {
                        throw new XMLStreamException("an upload without a Key or UploadId");
                    }
                    uploads.add(new S3Requests.Upload(key, uploadId, initiated));
                }
            }
            if (encoded) {
                uploads.replaceAll(
                        u -> new S3Requests.Upload(ListPageXml.decode(u.key()), u.uploadId(), u.initiated()));
                nextKey = nextKey == null ? null : ListPageXml.decode(nextKey);
            }
            if (!truncated) {
                return new S3Requests.UploadsPage(uploads, null, null);
            }
            if (nextKey == null || nextKey.isEmpty()) {
                throw new XMLStreamException("a truncated page of uploads without a NextKeyMarker");
            }
            return new S3Requests.UploadsPage(uploads, nextKey, nextUploadId);
        } finally {
            xml.close();
        }
    }

    /** An unreadable time leaves the upload unaged: the sweep never aborts what it cannot date. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
