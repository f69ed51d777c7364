package com.atlan.storage.s3;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object body being read: counts the bytes received, and when closed before the end aborts the
 * HTTP connection instead of letting the client drain the rest of a possibly huge body.
 */
final class S3ReadStream extends CountingInputStream {

    private final ResponseInputStream<?> response;

    S3ReadStream(ResponseInputStream<?> response, LongAdder received) {
        super(response, received);
        this.response = response;
    }

    @Override
    public void close() throws IOException {
        if (!ended()) {
            response.abort();
        }
        super.close();
    }
}
