package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectInfo;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a ListObjectsV2 result ({@code ListBucketResult}) straight into a {@link ListPage} with a streaming
 * parser: no DOM, no model objects, which is most of what a listing costs through the SDK. Keys and prefixes
 * were requested with {@code encoding-type=url} and are decoded as the SDK decodes them.
 */
final class ListPageXml {

    static final XMLInputFactory FACTORY = factory();

    private ListPageXml() {}

    /**
     * The page in {@code body}, or {@code null} when the document is not a {@code ListBucketResult} (a web page, a
     * login page): such an answer must not pass for an empty listing.
     */
    static ListPage parse(InputStream body) throws XMLStreamException {
        XMLStreamReader xml = FACTORY.createXMLStreamReader(body, "UTF-8");
        try {
            if (xml.nextTag() != XMLStreamConstants.START_ELEMENT
                    || !xml.getLocalName().equals("ListBucketResult")) {
                return null;
            }
            List<ObjectInfo> objects = new ArrayList<>();
            List<String> folders = new ArrayList<>();
            boolean truncated = false;
            boolean encoded = false;
            String token = null;
            String key = null;
            String etag = null;
            Instant modified = null;
            long size = 0;
            boolean inContents = false;
            boolean inFolder = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Contents" -> {
                            if (inContents) throw new XMLStreamException("nested Contents");
                            inContents = true;
                            key = null;
                            etag = null;
                            modified = null;
                            size = 0;
                        }
                        case "CommonPrefixes" -> inFolder = true;
                        case "Key" -> key = inContents ? xml.getElementText() : key;
                        case "ETag" -> etag = inContents ? xml.getElementText() : etag;
                        case "LastModified" -> modified = inContents ? Instant.parse(xml.getElementText()) : modified;
                        case "Size" ->
                            size = inContents
                                    ? Long.parseLong(xml.getElementText().trim())
                                    : size;
                        case "Prefix" -> {
                            String text = xml.getElementText();
                            if (inFolder) folders.add(text);
                        }
                        case "IsTruncated" ->
                            truncated =
                                    Boolean.parseBoolean(xml.getElementText().trim());
                        case "NextContinuationToken" -> token = xml.getElementText();
                        case "EncodingType" ->
                            encoded =
                                    "url".equalsIgnoreCase(xml.getElementText().trim());
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("Contents")) {
                        inContents = false;
                        if (key == null) throw new XMLStreamException("a listed object without a Key");
                        objects.add(new ObjectInfo(key, size, modified, Md5.unquote(etag)));
                    } else if (xml.getLocalName().equals("CommonPrefixes")) {
                        inFolder = false;
                    }
                }
            }
            if (encoded) {
                objects.replaceAll(o -> new ObjectInfo(decode(o.key()), o.size(), o.lastModified(), o.etag()));
                folders.replaceAll(ListPageXml::decode);
            }
            return new ListPage(objects, folders, truncated, token);
        } finally {
            xml.close();
        }
    }

    /** A key or marker of a listing requested with {@code encoding-type=url}. */
    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
