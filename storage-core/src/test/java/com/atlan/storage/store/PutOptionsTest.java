package com.atlan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PutOptionsTest {

    @Test
    void aHexMd5IsExactly32AsciiHexDigitsInEitherCase() {
        assertThat(PutOptions.isHexMd5("d41d8cd98f00b204e9800998ecf8427e")).isTrue();
        assertThat(PutOptions.isHexMd5("D41D8CD98F00B204E9800998ECF8427E")).isTrue();

        assertThat(PutOptions.isHexMd5(null)).isFalse();
        assertThat(PutOptions.isHexMd5("d41d8cd98f00b204e9800998ecf8427"))
                .as("31 digits")
                .isFalse();
        assertThat(PutOptions.isHexMd5("d41d8cd98f00b204e9800998ecf8427e0"))
                .as("33 digits")
                .isFalse();
        assertThat(PutOptions.isHexMd5("d41d8cd98f00b204e9800998ecf842-2"))
                .as("multipart tag")
                .isFalse();
        assertThat(PutOptions.isHexMd5("d41d8cd98f00b204e9800998ecf8427g")).isFalse();
        assertThat(PutOptions.isHexMd5("d41d8cd98f00b204e9800998ecf8427\u0663"))
                .as("a non-ASCII digit")
                .isFalse();
    }

    @Test
    void anExpectedMd5ThatIsNoMd5IsRefused() {
        assertThatThrownBy(() -> PutOptions.DEFAULT.withExpectedMd5("abc-2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 hex digits");
        assertThat(PutOptions.DEFAULT.withExpectedMd5(null).expectedMd5()).isNull();
    }
}
