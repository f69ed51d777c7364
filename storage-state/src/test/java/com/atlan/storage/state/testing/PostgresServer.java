package com.atlan.storage.state.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for tests: the one {@value #URL_ENV} names (a connection string), else one started from
 * Debian's packages ({@code initdb} with trust authentication, as the {@code postgres} user when we are root) on a
 * free loopback port under a temporary folder, shared by the tests of this JVM and stopped when it exits.
 */
public final class PostgresServer {

    /** Names an existing server, as a Dapr connection string (keywords or postgres:// URL). */
    public static final String URL_ENV = "ATLAN_STORAGE_TEST_POSTGRES_URL";

    private static String connectionString;
    private static String unavailable;

    private PostgresServer() {}

    /** A connection string for the server; skips the test (fails it under CI=true) when none can be had. */
    public static synchronized String connectionString() {
        if (connectionString == null && unavailable == null) {
            start();
        }
        return TestServers.require(connectionString, unavailable);
    }

    /** A connection string for a port where no server listens. */
    public static String unreachable() {
        return "host=127.0.0.1 port=" + TestServers.freePort() + " user=postgres dbname=postgres connect_timeout=2";
    }

    private static void start() {
        String given = System.getenv(URL_ENV);
        if (given != null && !given.isBlank()) {
            connectionString = given.trim();
            return;
        }
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            unavailable = "PostgreSQL is not installed (Debian: apt-get install postgresql; bin/test installs it),"
                    + " and " + URL_ENV + " names no server";
            return;
        }
        try {
            Path dir = Files.createTempDirectory("atlan-storage-pg-");
            Path data = dir.resolve("data");
            String user = TestServers.isRoot() ? "postgres" : null;
            if (user != null) {
                TestServers.run(List.of("chown", "postgres:", dir.toString()), null, dir.resolve("chown.log"), 30);
            }
            Path log = Files.createTempFile("atlan-storage-pg-", ".log");
            TestServers.Result init = TestServers.run(
                    List.of(
                            bin.get().resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-A",
                            "trust",
                            "-U",
                            "postgres",
                            "--no-sync",
                            "-E",
                            "UTF8",
                            "--locale=C"),
                    user,
                    log,
                    120);
            if (init.exit() != 0) {
                unavailable = "initdb failed: " + init.output();
                return;
            }
            for (int attempt = 0; attempt < 3 && connectionString == null; attempt++) {
                int port = TestServers.freePort();
                TestServers.Result started = TestServers.run(
                        List.of(
                                bin.get().resolve("pg_ctl").toString(),
                                "-D",
                                data.toString(),
                                "-l",
                                dir.resolve("server.log").toString(),
                                "-w",
                                "-t",
                                "60",
                                "-o",
                                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                                "start"),
                        user,
                        log,
                        90);
                if (started.exit() == 0) {
                    connectionString = "host=127.0.0.1 port=" + port + " user=postgres dbname=postgres";
                    Path pgCtl = bin.get().resolve("pg_ctl");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(pgCtl, data, user, dir, log)));
                } else {
                    unavailable = "PostgreSQL did not start: " + started.output() + " "
                            + TestServers.tail(dir.resolve("server.log"));
                }
            }
        } catch (IOException e) {
            unavailable = "cannot start PostgreSQL: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted while starting PostgreSQL";
        }
    }

    private static void stop(Path pgCtl, Path data, String user, Path dir, Path log) {
        try {
            TestServers.run(List.of(pgCtl.toString(), "-D", data.toString(), "-m", "immediate", "stop"), user, log, 60);
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; nothing more to do
        }
        TestServers.deleteTree(dir);
        TestServers.deleteTree(log);
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} holding initdb. */
    private static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(PostgresServer::version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
