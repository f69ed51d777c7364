package com.atlan.storage.temporal;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Temporal's Java test server in this JVM, listening on a free loopback port in real time (no time skipping): what a
 * process outside the test, or code that only takes an address such as the command line's {@code --temporal}, talks
 * to. Shared with other modules' tests through this module's test-jar.
 */
public final class TestTemporalServer implements AutoCloseable {

    private final TestServer.PortBoundTestServer server;
    private final int port;

    private TestTemporalServer(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server on a port that was free a moment ago (tries again when another process took it first). */
    public static TestTemporalServer start() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                int port = Processes.freePort();
                // true: time skipping locked, so timers and heartbeat timeouts run in real time
                return new TestTemporalServer(TestServer.createPortBoundServer(port, true), port);
            } catch (IOException e) {
                last = new UncheckedIOException(e);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The address to connect to, {@code 127.0.0.1:PORT}. */
    public String target() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }
}
