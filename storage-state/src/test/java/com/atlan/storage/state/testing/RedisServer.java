package com.atlan.storage.state.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Redis server for tests: the one {@value #URL_ENV} names ({@code redis://[:password@]host:port[/db]}), else
 * {@code redis-server --save ""} from Debian's package on a free loopback port under a temporary folder, shared by
 * the tests of this JVM and stopped when it exits.
 */
public final class RedisServer {

    /** Names an existing server. */
    public static final String URL_ENV = "ATLAN_STORAGE_TEST_REDIS_URL";

    private static Map<String, String> metadata;
    private static String unavailable;

    private RedisServer() {}

    /**
     * The {@code state.redis} metadata ({@code redisHost}, {@code redisDB}, {@code redisPassword}) of the server;
     * skips the test (fails it under CI=true) when none can be had.
     */
    public static synchronized Map<String, String> metadata() {
        if (metadata == null && unavailable == null) {
            start();
        }
        return TestServers.require(metadata, unavailable);
    }

    /** Metadata of a port where no server listens. */
    public static Map<String, String> unreachable() {
        return Map.of("redisHost", "127.0.0.1:" + TestServers.freePort(), "dialTimeout", "2s");
    }

    private static void start() {
        String given = System.getenv(URL_ENV);
        if (given != null && !given.isBlank()) {
            URI uri = URI.create(given.trim().contains("://") ? given.trim() : "redis://" + given.trim());
            Map<String, String> m = new LinkedHashMap<>();
            m.put("redisHost", uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort()));
            String db = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
            m.put("redisDB", db.isEmpty() ? "0" : db);
            if (uri.getUserInfo() != null) {
                String info = uri.getUserInfo();
                m.put("redisPassword", info.substring(info.indexOf(':') + 1));
            }
            metadata = Map.copyOf(m);
            return;
        }
        Path server = Stream.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        if (server == null) {
            unavailable = "redis-server is not installed (Debian: apt-get install redis-server; bin/test installs it),"
                    + " and " + URL_ENV + " names no server";
            return;
        }
        try {
            Path dir = Files.createTempDirectory("atlan-storage-redis-");
            for (int attempt = 0; attempt < 3 && metadata == null; attempt++) {
                int port = TestServers.freePort();
                Process p = new ProcessBuilder(List.of(
                                server.toString(),
                                "--port",
                                "" + port,
                                "--bind",
                                "127.0.0.1",
                                "--save",
                                "",
                                "--appendonly",
                                "no",
                                "--dir",
                                dir.toString(),
                                "--daemonize",
                                "no"))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("redis.log").toFile())
                        .start();
                if (awaitPong(port, p)) {
                    metadata = Map.of("redisHost", "127.0.0.1:" + port);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        p.destroy();
                        TestServers.deleteTree(dir);
                    }));
                } else {
                    p.destroyForcibly();
                    unavailable = "redis-server did not start: " + TestServers.tail(dir.resolve("redis.log"));
                }
            }
        } catch (IOException e) {
            unavailable = "cannot start redis-server: " + e;
        }
    }

    private static boolean awaitPong(int port, Process process) {
        for (int i = 0; i < 200 && process.isAlive(); i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] reply = in.readNBytes(5);
                if (new String(reply, StandardCharsets.US_ASCII).equals("+PONG")) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
