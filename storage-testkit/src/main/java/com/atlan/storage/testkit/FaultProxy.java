package com.atlan.storage.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fault-injecting HTTP/1.1 proxy on a free loopback port in front of one plain-http server (S3Proxy, Azurite...).
 *
 * <p>It forwards requests and responses byte for byte (the {@code Host} header too, so signatures stay valid; a
 * client addresses the proxy as if it were the server) and, as its {@link FaultPlan} says: answers errors itself,
 * resets or truncates connections, stalls, flips bytes, adds latency to every request, or throttles above a request
 * rate. Each client connection gets its own server connection, closed when either side closes, so keep-alive and
 * {@code Expect: 100-continue} behave as without the proxy. Every injected fault is recorded ({@link #injected()}).
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(s3Endpoint, FaultPlan.transportFaults(7, 0.2))) {
 *     // point the client at proxy.uri() ...
 *     assertThat(proxy.injected()).isNotEmpty();
 * }
 * }</pre>
 *
 * <p>{@code GET /__faultproxy/stats} on the proxy answers its counters as JSON (no bucket or container name can
 * start with an underscore, so the path never shadows a real one).
 */
public final class FaultProxy implements AutoCloseable {

    /** The path of the statistics endpoint. */
    public static final String STATS_PATH = "/__faultproxy/stats";

    private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    /**
     * Counters since the proxy started.
     *
     * @param requests      requests seen, by kind (the statistics endpoint's own excluded)
     * @param faults        faults injected, by fault (throttled requests counted as {@link Fault#SLOW_DOWN_503})
     * @param throttled     requests answered 503 by the rate limit
     * @param notApplicable faults drawn for a body that turned out empty, so not injected
     */
    public record Stats(Map<RequestKind, Long> requests, Map<Fault, Long> faults, long throttled, long notApplicable) {

        /** All requests seen. */
        public long totalRequests() {
            return requests.values().stream().mapToLong(Long::longValue).sum();
        }

        /** All faults injected, throttling included. */
        public long totalFaults() {
            return faults.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The counters as one line of JSON. */
        public String toJson() {
            StringBuilder s = new StringBuilder("{\"requests\":{");
            appendCounts(s, requests, RequestKind::name);
            s.append("},\"faults\":{");
            appendCounts(s, faults, Fault::id);
            return s.append("},\"total_requests\":")
                    .append(totalRequests())
                    .append(",\"total_faults\":")
                    .append(totalFaults())
                    .append(",\"throttled\":")
                    .append(throttled)
                    .append(",\"not_applicable\":")
                    .append(notApplicable)
                    .append('}')
                    .toString();
        }

        private static <K> void appendCounts(
                StringBuilder s, Map<K, Long> counts, java.util.function.Function<K, String> name) {
            String sep = "";
            for (Map.Entry<K, Long> e : counts.entrySet()) {
                s.append(sep)
                        .append('"')
                        .append(name.apply(e.getKey()))
                        .append("\":")
                        .append(e.getValue());
                sep = ",";
            }
        }
    }

    /** The plan in force with the state that goes with it; replaced whole by {@link #plan(FaultPlan)}. */
    record Setup(FaultPlan plan, FaultDecider decider, TokenBucket bucket) {
        static Setup of(FaultPlan plan) {
            TokenBucket bucket = plan.throttle() == null ? null : new TokenBucket(plan.throttle(), System::nanoTime);
            return new Setup(plan, new FaultDecider(plan), bucket);
        }

        boolean admit() {
            return bucket == null || bucket.tryAcquire();
        }
    }

    private final URI target;
    private final InetSocketAddress targetAddress;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<InjectedFault> injected = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<RequestKind, LongAdder> requestCounts = counters(RequestKind.class);
    private final Map<Fault, LongAdder> faultCounts = counters(Fault.class);
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong notApplicable = new AtomicLong();
    private volatile Setup setup;
    private volatile boolean closed;

    private FaultProxy(URI target, FaultPlan plan, InetSocketAddress listen) throws IOException {
        if (!"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("the proxy forwards plain http to a host: " + target);
        }
        this.target = target;
        this.targetAddress = new InetSocketAddress(target.getHost(), target.getPort() < 0 ? 80 : target.getPort());
        this.setup = Setup.of(Objects.requireNonNull(plan, "plan"));
        this.server = new ServerSocket();
        server.bind(listen, 512);
        Thread.ofPlatform().daemon().name("faultproxy-accept-" + port()).start(this::acceptLoop);
        log.debug("fault proxy on {} in front of {}", uri(), target);
    }

    /** Starts a proxy on a free port of 127.0.0.1 in front of {@code target} (an {@code http://host:port} URI). */
    public static FaultProxy start(URI target, FaultPlan plan) throws IOException {
        return start(target, plan, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Starts a proxy listening on {@code listen} (port 0: a free one) in front of {@code target}. */
    public static FaultProxy start(URI target, FaultPlan plan, InetSocketAddress listen) throws IOException {
        return new FaultProxy(target, plan, listen);
    }

    /** The port the proxy listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** The proxy's base URI, {@code http://127.0.0.1:PORT}: configure it where the server's endpoint would go. */
    public URI uri() {
        return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + port());
    }

    /** The server behind the proxy. */
    public URI target() {
        return target;
    }

    /** The plan in force. */
    public FaultPlan plan() {
        return setup.plan();
    }

    /**
     * Puts {@code next} in force for requests that arrive from now on (draws start afresh, as for a new proxy);
     * recorded faults and counters are kept.
     */
    public void plan(FaultPlan next) {
        setup = Setup.of(Objects.requireNonNull(next, "plan"));
    }

    /** Every fault injected so far, in order. */
    public List<InjectedFault> injected() {
        List<InjectedFault> all = new ArrayList<>(injected);
        all.sort(Comparator.comparingLong(InjectedFault::sequence));
        return all;
    }

    /** Requests seen of {@code kind}. */
    public long requests(RequestKind kind) {
        return requestCounts.get(kind).sum();
    }

    /** The counters. */
    public Stats stats() {
        return new Stats(snapshot(requestCounts), snapshot(faultCounts), throttled.get(), notApplicable.get());
    }

    private static <K extends Enum<K>> Map<K, LongAdder> counters(Class<K> type) {
        EnumMap<K, LongAdder> counters = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            counters.put(k, new LongAdder());
        }
        return Collections.unmodifiableMap(counters);
    }

    /** The counts in the enum's order. */
    private static <K extends Enum<K>> Map<K, Long> snapshot(Map<K, LongAdder> counters) {
        Map<K, Long> counts = new LinkedHashMap<>();
        counters.forEach((k, v) -> counts.put(k, v.sum()));
        return Collections.unmodifiableMap(counts);
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            close(s);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("fault proxy on port {} stopped accepting: {}", port(), e.toString());
                }
                return;
            }
            open.add(client);
            try {
                Thread.ofVirtual().name("faultproxy-connection").start(new ProxyConnection(this, client));
            } catch (IOException | RuntimeException e) {
                log.debug("cannot serve {}: {}", client.getRemoteSocketAddress(), e.toString());
                close(client);
            }
        }
    }

    Setup setup() {
        return setup;
    }

    /** Counts a request and returns an id for answers made up by the proxy. */
    long counted(RequestKind kind) {
        requestCounts.get(kind).increment();
        return requestIds.incrementAndGet();
    }

    void record(RequestKind kind, MessageHead request, Fault fault, int occurrence, boolean byThrottle) {
        faultCounts.get(fault).increment();
        if (byThrottle) {
            throttled.incrementAndGet();
        }
        InjectedFault f = new InjectedFault(
                sequence.incrementAndGet(), kind, request.method(), request.target(), fault, occurrence, byThrottle);
        injected.add(f);
        log.debug("injected {}", f);
    }

    void notApplicable() {
        notApplicable.incrementAndGet();
    }

    Socket connectTarget() throws IOException {
        Socket socket = new Socket();
        open.add(socket);
        try {
            socket.setTcpNoDelay(true);
            socket.connect(targetAddress, CONNECT_TIMEOUT_MS);
            return socket;
        } catch (IOException e) {
            close(socket);
            throw e;
        }
    }

    byte[] statsResponse(boolean close) {
        byte[] body = stats().toJson().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    void close(Socket socket) {
        if (socket == null) {
            return;
        }
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    /** Aborts a connection with a TCP reset instead of an orderly close. */
    static void reset(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed: nothing to reset
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }
}
