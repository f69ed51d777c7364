package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.ObjectInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListPageXmlTest {

    private static ListPage parse(String xml) throws Exception {
        return ListPageXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsObjectsFoldersAndTheNextTokenDecodingUrlEncodedNames() throws Exception {
        ListPage page = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Name>b</Name><Prefix>p%2F</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>
                  <Delimiter>%2F</Delimiter><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>
                  <NextContinuationToken>tok+en/=</NextContinuationToken>
                  <Contents><Key>p%2Fwith+space+%26+100%25%2B.txt</Key><LastModified>2026-11-25T19:00:00.000Z</LastModified>
                    <ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag><Size>1</Size>
                    <Owner><ID>x</ID><DisplayName>y</DisplayName></Owner><StorageClass>STANDARD</StorageClass></Contents>
                  <Contents><Key>p%2F%C3%A9</Key><LastModified>2026-11-25T19:00:01Z</LastModified><ETag>"e"</ETag><Size>0</Size></Contents>
                  <CommonPrefixes><Prefix>p%2Fsub%2F</Prefix></CommonPrefixes>
                </ListBucketResult>
                """);
        assertThat(page.objects())
                .containsExactly(
                        new ObjectInfo(
                                "p/with space & 100%+.txt",
                                1, Instant.parse("2026-11-25T19:00:00Z"), "0cc175b9c0f1b6a831c399e269772661"),
                        new ObjectInfo("p/é", 0, Instant.parse("2026-11-25T19:00:01Z"), "e"));
        assertThat(page.folders()).containsExactly("p/sub/");
        assertThat(page.nextToken()).isEqualTo("tok+en/=");
    }

    @Test
    void theLastPageSaysItIsNotTruncated() throws Exception {
        ListPage page = parse("<ListBucketResult><IsTruncated>false</IsTruncated>"
                + "<NextContinuationToken>ignored</NextContinuationToken></ListBucketResult>");
        assertThat(page.objects()).isEmpty();
        assertThat(page.truncated()).isFalse();
    }

    @Test
    void aDocumentThatIsNotAListingIsNoPage() throws Exception {
        assertThat(parse("<html><body><h1>Please log in</h1></body></html>")).isNull();
        assertThat(parse("<?xml version=\"1.0\"?><Error><Code>X</Code></Error>"))
                .isNull();
    }
}
