package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class S3ErrorXmlTest {

    @Test
    void readsCodeAndMessage() {
        var error = S3ErrorXml.parse(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                        + "<Message>The key &amp; &lt;it&gt; does not exist</Message><Key>a</Key></Error>")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(error.code()).isEqualTo("NoSuchKey");
        assertThat(error.message()).isEqualTo("The key & <it> does not exist");
    }

    @Test
    void emptyOrForeignBodiesHaveNoCode() {
        assertThat(S3ErrorXml.parse(new byte[0])).isEqualTo(S3ErrorXml.NONE);
        assertThat(S3ErrorXml.parse("<html>oops</html>".getBytes(StandardCharsets.UTF_8))
                        .code())
                .isNull();
    }
}
