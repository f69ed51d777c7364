package com.atlan.storage.s3;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Response headers as both request paths hand them on: by lower-case name, the first value of each. */
final class Headers {

    private Headers() {}

    /** The headers of an SDK response. */
    static Map<String, String> of(SdkHttpResponse response) {
        Map<String, List<String>> all = response.headers();
        Map<String, String> headers = new HashMap<>(all.size() * 2);
        all.forEach((name, values) -> {
            if (!values.isEmpty()) headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
        });
        return headers;
    }
}
