package com.atlan.storage.limit;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.DelegatingBackend;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.TransientStorageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A store whose calls wait for its request budget and whose bytes (read, written, or neither) wait for the shared
 * bandwidth budget. A listing counts one request when it opens and one for every {@value #PAGE} objects it yields
 * (the page size of S3, Azure and GCS listings); a multipart write counts as one request.
 */
final class LimitedBackend extends DelegatingBackend {

    /** Objects per listing page, as S3, Azure Blob and GCS list by default. */
    static final int PAGE = 1000;

    /** The most bytes one read asks the bandwidth budget for, so a large read does not hold a big debt alone. */
    static final int CHUNK = 64 * 1024;

    private final TokenBucket requests;
    private final TokenBucket bytes;
    private final boolean reads;
    private final boolean writes;

    LimitedBackend(Backend store, TokenBucket requests, TokenBucket bytes, boolean reads, boolean writes) {
        super(store);
        this.requests = requests;
        this.bytes = bytes;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        request(prefix);
        return paced(delegate.list(prefix, startAfter), prefix);
    }

    @Override
    public Stream<ObjectInfo> listFlat(String prefix, String startAfter) {
        request(prefix);
        return paced(delegate.listFlat(prefix, startAfter), prefix);
    }

    private Stream<ObjectInfo> paced(Stream<ObjectInfo> listing, String prefix) {
        if (requests == null) {
            return listing;
        }
        AtomicLong listed = new AtomicLong();
        return listing.peek(o -> {
            if (listed.incrementAndGet() % PAGE == 0) {
                request(prefix);
            }
        });
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        request(key);
        return delegate.stat(key);
    }

    @Override
    public ObjectContent open(String key) {
        request(key);
        return counted(delegate.open(key));
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        request(key);
        return counted(delegate.open(key, offset, length));
    }

    private ObjectContent counted(ObjectContent content) {
        return reads && bytes != null ? content.wrap(in -> new Paced(in, bytes)) : content;
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        request(key);
        return delegate.put(key, writes && bytes != null ? new Paced(data, bytes) : data, length, options);
    }

    @Override
    public boolean delete(String key) {
        request(key);
        return delegate.delete(key);
    }

    @Override
    public ObjectInfo copyFrom(Backend source, ObjectInfo object) {
        request(object.key());
        return super.copyFrom(source, object);
    }

    @Override
    public Optional<URI> presignRead(String key, Duration validFor) {
        return delegate.presignRead(key, validFor);
    }

    private void request(String key) {
        if (requests == null) {
            return;
        }
        try {
            requests.acquire(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientStorageException(
                    name(), key, "interrupted while waiting for the request rate limit of " + name(), e);
        }
    }

    /** A stream whose reads wait for the bandwidth budget: at most {@link #CHUNK} bytes per read, paid before. */
    private static final class Paced extends FilterInputStream {
        private final TokenBucket bytes;

        Paced(InputStream in, TokenBucket bytes) {
            super(in);
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int asked = Math.min(len, CHUNK);
            try {
                bytes.acquire(asked);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the bandwidth limit");
            }
            int n = in.read(b, off, asked);
            if (n < asked) {
                bytes.refund(asked - Math.max(n, 0));
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return in.skip(n);
        }

        @Override
        public long transferTo(java.io.OutputStream out) throws IOException {
            byte[] buffer = new byte[CHUNK];
            long total = 0;
            for (int n; (n = read(buffer, 0, buffer.length)) >= 0; ) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
