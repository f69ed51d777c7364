package com.atlan.storage.s3.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keep-alive HTTP/1.1 connections to one host over plain blocking sockets, meant to be used from
 * virtual threads. At most {@code maxConnections} exist at once (callers wait for one); idle ones are
 * reused last-in first-out so a few warm connections carry sequential work. A connection the server
 * closed, or that failed mid-request, is discarded; a request that failed on a reused connection before
 * any response byte arrived (the server had closed it while idle) is sent once more on another one.
 */
public final class HttpConnectionPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnectionPool.class);

    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int READ_TIMEOUT_MILLIS = 60_000;
    /** How long one socket write may make no progress before the connection is closed (see WriteWatchdog). */
    static final long WRITE_TIMEOUT_MILLIS = 60_000;
    /** Idle connections older than this are closed instead of reused: servers drop them around 20 s. */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final String host;
    private final int port;
    private final String hostHeader;
    private final SSLSocketFactory tls;
    private final boolean trustAll;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger opened = new AtomicInteger();
    /** Connections out on a request, for the write watchdog. */
    private final Set<HttpConnection> leased = ConcurrentHashMap.newKeySet();

    private final long writeTimeoutNanos;
    private volatile boolean closed;

    /**
     * A pool for {@code scheme://host:port}; {@code trustAll} skips TLS certificate and host name checks
     * and is only for endpoints configured as insecure.
     */
    public HttpConnectionPool(String scheme, String host, int port, int maxConnections, boolean trustAll) {
        this(scheme, host, port, maxConnections, trustAll, WRITE_TIMEOUT_MILLIS);
    }

    /** A pool whose stalled writes are cut after {@code writeTimeoutMillis}; for tests. */
    HttpConnectionPool(
            String scheme, String host, int port, int maxConnections, boolean trustAll, long writeTimeoutMillis) {
        this.writeTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(writeTimeoutMillis);
        this.host = host;
        this.port = port;
        boolean https = "https".equals(scheme);
        this.hostHeader = port == (https ? 443 : 80) ? host : host + ":" + port;
        this.trustAll = trustAll;
        this.tls = https ? socketFactory(trustAll) : null;
        this.permits = new Semaphore(Math.max(1, maxConnections), true);
        WriteWatchdog.watch(this);
    }

    /** Closes the leased connections stuck in one write since before {@code now - writeTimeout}. */
    void closeStalledWrites(long now) {
        long deadline = now - writeTimeoutNanos;
        for (HttpConnection c : leased) {
            if (c.writingSinceBefore(deadline)) {
                LOG.warn(
                        "{} accepted no request bytes for {} s; closing the connection",
                        hostHeader,
                        TimeUnit.NANOSECONDS.toSeconds(writeTimeoutNanos));
                c.close();
            }
        }
    }

    /** The value of the Host header, which is also what requests are signed with. */
    public String hostHeader() {
        return hostHeader;
    }

    /** How many connections this pool has opened since it was created. */
    public int opened() {
        return opened.get();
    }

    /**
     * Sends {@code request} and reads the response head. The caller must read the body to its end or
     * close it; until then the connection stays leased.
     */
    public HttpResponse execute(HttpRequest request) throws IOException {
        for (int attempt = 0; ; attempt++) {
            HttpConnection connection = lease();
            boolean reused = connection.uses() > 0;
            try {
                HttpConnection.Head early = connection.write(request, hostHeader);
                if (early != null) {
                    // answered before the body was sent: the server expects no body now, but to be safe this
                    // connection carries nothing more
                    return respond(request, connection, early, false);
                }
                return respond(request, connection, connection.readHead(), true);
            } catch (IOException | RuntimeException e) {
                // A streamed body has been (partly) consumed and cannot be sent again: its caller retries.
                boolean stale =
                        reused && !connection.responseStarted() && e instanceof IOException && request.replayable();
                release(connection, false);
                if (stale && attempt == 0) {
                    LOG.debug(
                            "a pooled connection to {} was closed by the server ({}); sending again",
                            hostHeader,
                            e.toString());
                    continue;
                }
                throw e;
            }
        }
    }

    private HttpResponse respond(
            HttpRequest request, HttpConnection connection, HttpConnection.Head head, boolean reusable)
            throws IOException {
        Map<String, String> headers = head.headers();
        String connectionHeader = headers.get("connection");
        boolean keepAlive = reusable
                && (connectionHeader == null
                        ? head.http11()
                        : !connectionHeader.equalsIgnoreCase("close")
                                && (head.http11() || connectionHeader.equalsIgnoreCase("keep-alive")));
        int status = head.status();
        ResponseBody body;
        String transfer = headers.get("transfer-encoding");
        String length = headers.get("content-length");
        if (request.isHead() || status == 204 || status == 304) {
            body = new ResponseBody(this, connection, ResponseBody.Framing.LENGTH, 0, keepAlive);
        } else if (transfer != null
                && transfer.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            body = new ResponseBody(this, connection, ResponseBody.Framing.CHUNKED, 0, keepAlive);
        } else if (length != null) {
            long n;
            try {
                n = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + length);
            }
            body = new ResponseBody(this, connection, ResponseBody.Framing.LENGTH, n, keepAlive);
        } else {
            body = new ResponseBody(this, connection, ResponseBody.Framing.UNTIL_CLOSE, 0, false);
        }
        return new HttpResponse(status, headers, body);
    }

    private HttpConnection lease() throws IOException {
        if (closed) throw new IOException("connection pool closed");
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a connection to " + hostHeader);
        }
        try {
            long now = System.nanoTime();
            HttpConnection c;
            while ((c = idle.pollFirst()) != null && now - c.idleSince() >= MAX_IDLE_NANOS) {
                c.close();
            }
            if (c == null) c = open();
            leased.add(c);
            return c;
        } catch (IOException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Gives a leased connection back: kept for reuse when {@code reusable}, closed otherwise. */
    void release(HttpConnection connection, boolean reusable) {
        leased.remove(connection);
        if (reusable && !closed) {
            connection.markIdle(System.nanoTime());
            idle.offerFirst(connection);
            if (closed && idle.remove(connection)) connection.close();
        } else {
            connection.close();
        }
        permits.release();
    }

    private HttpConnection open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
                socket = ssl;
                ssl.setSoTimeout(READ_TIMEOUT_MILLIS);
                if (!trustAll) {
                    SSLParameters parameters = ssl.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    ssl.setSSLParameters(parameters);
                }
                ssl.startHandshake();
            }
            opened.incrementAndGet();
            return new HttpConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static SSLSocketFactory socketFactory(boolean trustAllCertificates) {
        if (!trustAllCertificates) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a TLS context", e);
        }
    }

    /** Accepts every certificate: only for endpoints configured with insecureSSL. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Override
    public void close() {
        closed = true;
        WriteWatchdog.forget(this);
        for (HttpConnection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.close();
        }
    }
}
