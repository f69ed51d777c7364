package com.atlan.storage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestKindTest {

    @ParameterizedTest
    @CsvSource({
        "GET, /bucket?list-type=2&prefix=a/, false, LIST",
        "GET, /bucket?prefix=a/&delimiter=/, false, LIST",
        "GET, /bucket?uploads&prefix=x, false, LIST",
        "GET, /devstoreaccount1/container?restype=container&comp=list, false, LIST",
        "GET, /bucket/key, false, GET",
        "GET, /bucket/key?x-id=GetObject, false, GET",
        "GET, /bucket/key-with-prefix=in-name, false, GET",
        "HEAD, /bucket/key, false, HEAD",
        "PUT, /bucket/key, false, PUT",
        "PUT, /bucket/key?partNumber=2&uploadId=abc, false, PUT",
        "PUT, /bucket/key, true, COPY",
        "POST, /bucket/key?uploads, false, POST",
        "DELETE, /bucket/key, false, DELETE",
        "OPTIONS, /, false, OTHER"
    })
    void classifiesByMethodQueryAndCopySource(String method, String target, boolean copySource, RequestKind kind) {
        assertThat(RequestKind.classify(method, target, copySource)).isEqualTo(kind);
    }
}
