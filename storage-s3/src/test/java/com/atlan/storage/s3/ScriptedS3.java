package com.atlan.storage.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on a free 127.0.0.1 port whose answers a test scripts, to make an "S3 server" do what the
 * real ones here do not: KMS ETags, empty completion ETags, a skewed clock, throttling, dead keep-alive connections,
 * truncated listings, HTML pages, huge heads. Each request is read whole and handed to the script, whose reply is
 * written as given.
 */
final class ScriptedS3 implements AutoCloseable {

    /** A request as the server read it. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        String query() {
            int q = target.indexOf('?');
            return q < 0 ? "" : target.substring(q + 1);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * An answer: raw bytes to write, then whether to close the connection; {@code drop} closes it without a byte.
     */
    record Reply(byte[] bytes, boolean close, boolean drop) {
        static Reply of(int status, Map<String, String> headers, String body) {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " S\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (!headers.containsKey("Content-Length")) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[h.length + content.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(content, 0, all, h.length, content.length);
            return new Reply(all, false, false);
        }

        static Reply ok(Map<String, String> headers, String body) {
            return of(200, headers, body);
        }

        static Reply xml(int status, String body) {
            return of(status, Map.of("Content-Type", "application/xml"), body);
        }

        static Reply raw(String text) {
            return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), false, false);
        }

        static Reply dropped() {
            return new Reply(new byte[0], true, true);
        }

        Reply thenClose() {
            return new Reply(bytes, true, drop);
        }
    }

    private final ServerSocket server;
    private final Function<Request, Reply> script;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    ScriptedS3(Function<Request, Reply> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    open.add(socket);
                    Thread.ofPlatform().daemon().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** The endpoint URL. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The requests served so far. */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests served so far with this method. */
    long count(String method) {
        return requests().stream().filter(r -> r.method().equals(method)).count();
    }

    /** How many connections the server accepted. */
    int connections() {
        return connections.get();
    }

    /** Closes every open connection without a word, as a server dropping idle keep-alive connections does. */
    void dropIdleConnections() throws IOException {
        synchronized (open) {
            for (Socket s : open) s.close();
            open.clear();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String line = readLine(in);
                if (line == null || line.isEmpty()) return;
                int sp1 = line.indexOf(' ');
                int sp2 = line.indexOf(' ', sp1 + 1);
                Map<String, String> headers = new HashMap<>();
                for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
                    int colon = h.indexOf(':');
                    headers.put(
                            h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            h.substring(colon + 1).trim());
                }
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                Request request = new Request(line.substring(0, sp1), line.substring(sp1 + 1, sp2), headers, body);
                requests.add(request);
                Reply reply = script.apply(request);
                if (reply.drop()) return;
                out.write(reply.bytes());
                out.flush();
                if (reply.close()) return;
            }
        } catch (IOException | RuntimeException ignored) {
            // the client went away, or the script gave up on the connection
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** A store over bucket {@code b} of this server, with the lean path or the SDK ({@code fastPath}). */
    S3Backend store(String fastPath, Map<String, String> extra) {
        Map<String, String> metadata = new HashMap<>(Map.of(
                "bucket", "b",
                "region", "us-east-1",
                "endpoint", endpoint(),
                "accessKey", "scripted-access",
                "secretKey", "scripted-secret",
                "listingOrder", "codepoint",
                "fastPath", fastPath));
        metadata.putAll(extra);
        return (S3Backend) new S3StoreProvider()
                .create(new com.atlan.storage.store.StoreSettings("scripted", "bindings.aws.s3", metadata, null, 4));
    }

    /** An empty ListBucketResult. */
    static String emptyListing() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>b</Name><Prefix></Prefix>"
                + "<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>";
    }

    /** An S3 error body. */
    static String error(String code) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>scripted</Message>"
                + "</Error>";
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropIdleConnections();
    }
}
