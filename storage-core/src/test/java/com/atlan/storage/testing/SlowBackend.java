package com.atlan.storage.testing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.stream.Stream;

/** Slows a store down so a test can stop a migration part way: per listed object, per open, per 64 KiB read. */
public final class SlowBackend extends ForwardingBackend {

    private final Duration perListed;
    private final Duration perOpen;
    private final Duration per64KiB;

    public SlowBackend(Backend delegate, Duration perListed, Duration perOpen, Duration per64KiB) {
        super(delegate);
        this.perListed = perListed;
        this.perOpen = perOpen;
        this.per64KiB = per64KiB;
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        return super.list(prefix, startAfter).peek(o -> pause(perListed));
    }

    @Override
    public ObjectContent open(String key) {
        pause(perOpen);
        return super.open(key).wrap(content -> new FilterInputStream(content) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!per64KiB.isZero()) {
                    try {
                        Thread.sleep(per64KiB);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException();
                    }
                }
                return in.read(b, off, Math.min(len, 64 * 1024));
            }
        });
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
