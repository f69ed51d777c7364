package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

class UploadsPageXmlTest {

    private static S3Requests.UploadsPage parse(String xml) throws Exception {
        return UploadsPageXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsUploadsAndTheNextMarkersDecodingUrlEncodedKeys() throws Exception {
        S3Requests.UploadsPage page = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Bucket>b</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>
                  <NextKeyMarker>p%2Fwith+space</NextKeyMarker><NextUploadIdMarker>id-2</NextUploadIdMarker>
                  <EncodingType>url</EncodingType><MaxUploads>1000</MaxUploads><IsTruncated>true</IsTruncated>
                  <Upload><Key>p%2Fa%2Bb</Key><UploadId>id-1</UploadId>
                    <Initiator><ID>x</ID></Initiator><StorageClass>STANDARD</StorageClass>
                    <Initiated>2026-11-25T19:00:00.000Z</Initiated></Upload>
                  <Upload><Key>p%2Fwith+space</Key><UploadId>id-2</UploadId><Initiated>not a time</Initiated></Upload>
                </ListMultipartUploadsResult>
                """);
        assertThat(page.uploads())
                .containsExactly(
                        new S3Requests.Upload("p/a+b", "id-1", Instant.parse("2026-11-25T19:00:00Z")),
                        new S3Requests.Upload("p/with space", "id-2", null));
        assertThat(page.nextKeyMarker()).isEqualTo("p/with space");
        assertThat(page.nextUploadIdMarker()).isEqualTo("id-2");
    }

    @Test
    void aLastPageHasNoMarkersWhateverTheServerEchoes() throws Exception {
        S3Requests.UploadsPage page = parse("""
                <ListMultipartUploadsResult><NextKeyMarker>z</NextKeyMarker><IsTruncated>false</IsTruncated>
                </ListMultipartUploadsResult>
                """);
        assertThat(page.uploads()).isEmpty();
        assertThat(page.nextKeyMarker()).isNull();
    }

    @Test
    void aTruncatedPageWithoutAMarkerIsAnErrorNotTheEnd() {
        assertThatThrownBy(() -> parse("<ListMultipartUploadsResult><IsTruncated>true</IsTruncated>"
                        + "</ListMultipartUploadsResult>"))
                .isInstanceOf(XMLStreamException.class)
                .hasMessageContaining("NextKeyMarker");
    }

    @Test
    void aWebPageIsNotAnEmptyListOfUploads() throws Exception {
        assertThat(parse("<html><body>Sign in</body></html>")).isNull();
    }
}
