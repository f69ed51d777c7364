package com.atlan.storage.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FaultProxy} as its own process, for benchmarks and command-line tests:
 *
 * <pre>
 * java -cp storage-testkit/target/classes:$(cat storage-testkit/target/classpath.txt) \
 *     com.atlan.storage.testkit.FaultProxyMain --target http://127.0.0.1:9000 --listen 0 --seed 7 \
 *     --profile delay=40ms
 * </pre>
 *
 * <p>It prints the port it listens on (alone on stdout) and serves until it is killed; on SIGTERM or SIGINT it prints
 * its counters as JSON to stderr. Warnings go to stderr ({@code -Dfaultproxy.log.level=DEBUG} shows every fault).
 * Profiles: see {@link FaultPlan#parse}.
 */
public final class FaultProxyMain {

    private FaultProxyMain() {}

    /** The parsed command line. */
    record Arguments(URI target, int listen, long seed, String profile) {}

    public static void main(String[] args) throws IOException, InterruptedException {
        // Before the first logger exists: stdout must carry the port alone (logback's default logs there).
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "faultproxy-logback.xml");
        }
        Arguments a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: FaultProxyMain --target http://HOST:PORT [--listen PORT] [--seed N]"
                    + " [--profile SETTINGS]   (e.g. delay=40ms | throttle=500/s,burst=50 | faults=0.2)");
            System.exit(2);
            return;
        }
        FaultProxy proxy = start(a, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println(proxy.stats().toJson());
            proxy.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Starts the proxy the arguments describe and prints its port on {@code out}. */
    static FaultProxy start(Arguments a, PrintStream out) throws IOException {
        FaultPlan plan = FaultPlan.parse(a.profile(), a.seed());
        FaultProxy proxy =
                FaultProxy.start(a.target(), plan, new InetSocketAddress(InetAddress.getLoopbackAddress(), a.listen()));
        out.println(proxy.port());
        out.flush();
        return proxy;
    }

    static Arguments parse(String[] args) {
        URI target = null;
        int listen = 0;
        long seed = 0;
        String profile = "";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--target" -> target = URI.create(value);
                case "--listen" -> listen = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--profile" -> profile = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("--target is required");
        }
        FaultPlan.parse(profile, seed); // fail here, before binding, on a bad profile
        return new Arguments(target, listen, seed, profile);
    }
}
