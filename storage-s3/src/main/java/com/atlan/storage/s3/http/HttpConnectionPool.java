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
 * virtual threads, directly or through an HTTP proxy (CONNECT for https). At most {@code maxConnections}
 * exist at once (callers wait for one); idle ones are reused last-in first-out so a few warm connections
 * carry sequential work. A connection idle for a while is probed before reuse, and one the server closed,
 * or that failed mid-request, is discarded; a request that failed on a reused connection before any
 * response byte arrived (the server had closed it while idle) is sent once more on a new connection.
 */
public final class HttpConnectionPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnectionPool.class);

    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int READ_TIMEOUT_MILLIS = 60_000;
    /** How long one socket write may make no progress before the connection is closed (see WriteWatchdog). */
    static final long WRITE_TIMEOUT_MILLIS = 60_000;
    /** Idle connections older than this are closed instead of reused: servers drop them around 20 s. */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(15);
    /** Idle connections older than this are probed ({@link HttpConnection#isStale}) before reuse. */
    private static final long PROBE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** An HTTP proxy to reach the host through; {@code username} and {@code password} may be {@code null}. */
    public record Proxy(String host, int port, String username, String password) {
        @Override
        public String toString() {
            return "Proxy[" + host + ":" + port + (username == null ? "" : ", with credentials") + "]";
        }
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private final Proxy proxy;
    /** What goes before a request's path: the scheme and authority when a proxy forwards plain http. */
    private final String targetPrefix;

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
        this(scheme, host, port, maxConnections, trustAll, null, WRITE_TIMEOUT_MILLIS);
    }

    /** A pool that reaches the host through {@code proxy} ({@code null} for none). */
    public HttpConnectionPool(String scheme, String host, int port, int maxConnections, boolean trustAll, Proxy proxy) {
        this(scheme, host, port, maxConnections, trustAll, proxy, WRITE_TIMEOUT_MILLIS);
    }

    /** A pool whose stalled writes are cut after {@code writeTimeoutMillis}; for tests. */
    HttpConnectionPool(
            String scheme,
            String host,
            int port,
            int maxConnections,
            boolean trustAll,
            Proxy proxy,
            long writeTimeoutMillis) {
        this.writeTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(writeTimeoutMillis);
        this.host = host;
        this.port = port;
        this.proxy = proxy;
        boolean https = "https".equals(scheme);
        this.hostHeader = port == (https ? 443 : 80) ? host : host + ":" + port;
        this.targetPrefix = proxy != null && !https ? "http://" + hostHeader : "";
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
            // the second attempt takes a new connection: another idle one may be just as stale
            HttpConnection connection = lease(attempt > 0);
            boolean reused = connection.uses() > 0;
            try {
                HttpConnection.Head early = connection.write(request, hostHeader, targetPrefix);
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
                            "a pooled connection to {} was closed by the server ({}); sending again on a new one",
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
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) {
                throw new IOException("bad Content-Length: " + abbreviate(length));
            }
            body = new ResponseBody(this, connection, ResponseBody.Framing.LENGTH, n, keepAlive);
        } else {
            body = new ResponseBody(this, connection, ResponseBody.Framing.UNTIL_CLOSE, 0, false);
        }
        return new HttpResponse(status, headers, body);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private HttpConnection lease(boolean fresh) throws IOException {
        if (closed) throw new IOException("connection pool closed");
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a connection to " + hostHeader);
        }
        try {
            long now = System.nanoTime();
            HttpConnection c = null;
            while (!fresh && (c = idle.pollFirst()) != null) {
                long idleFor = now - c.idleSince();
                if (idleFor < PROBE_AFTER_NANOS || (idleFor < MAX_IDLE_NANOS && !c.isStale())) {
                    break;
                }
                c.close();
                c = null;
            }
            if (c == null) c = open();
            leased.add(c);
            return c;
        } catch (IOException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** The proxy requests go through, or {@code null}. */
    public Proxy proxy() {
        return proxy;
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
            if (proxy != null) {
                socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), CONNECT_TIMEOUT_MILLIS);
            } else {
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            }
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            if (proxy != null && tls != null) {
                tunnel(socket);
            }
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

    /** Asks the proxy for a tunnel to the host (CONNECT), through which TLS then runs end to end. */
    private void tunnel(Socket socket) throws IOException {
        StringBuilder connect = new StringBuilder(128)
                .append("CONNECT ")
                .append(host)
                .append(':')
                .append(port)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\n");
        if (proxy.username() != null) {
            String credentials = proxy.username() + ":" + (proxy.password() == null ? "" : proxy.password());
            connect.append("Proxy-Authorization: Basic ")
                    .append(java.util.Base64.getEncoder()
                            .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .append("\r\n");
        }
        connect.append("\r\n");
        var out = socket.getOutputStream();
        out.write(connect.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.flush();
        // read the answer byte by byte: nothing after its blank line may be consumed, TLS starts there
        var in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0 || head.length() > HttpConnection.MAX_HEAD_BYTES) {
                throw new IOException(
                        "the proxy " + proxy.host() + ":" + proxy.port() + " closed the tunnel to " + hostHeader);
            }
            head.append((char) b);
        }
        String status = head.substring(0, Math.max(0, head.indexOf("\r\n")));
        if (!status.matches("HTTP/1\\.[01] 2\\d\\d.*")) {
            throw new java.net.ConnectException("the proxy " + proxy.host() + ":" + proxy.port()
                    + " refused a tunnel to " + hostHeader + ": " + abbreviate(status));
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
