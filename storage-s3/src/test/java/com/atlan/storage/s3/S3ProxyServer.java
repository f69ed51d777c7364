package com.atlan.storage.s3;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One in-memory S3Proxy 4.1.0 on 127.0.0.1 for the whole test JVM (starting one takes over a second),
 * with a plain SDK client for test setup and inspection. Tests stay independent by using fresh buckets.
 */
public final class S3ProxyServer implements TestS3Server {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-do-not-print";

    private static S3ProxyServer instance;

    private final URI endpoint;
    private final S3Client admin;

    private S3ProxyServer() throws Exception {
        Properties props = new Properties();
        props.setProperty("jclouds.identity", ACCESS_KEY);
        props.setProperty("jclouds.credential", SECRET_KEY);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", props))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        admin = TestS3Server.adminClient(endpoint, ACCESS_KEY, SECRET_KEY);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                admin.close();
                proxy.stop();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }));
    }

    public static synchronized S3ProxyServer get() {
        if (instance == null) {
            try {
                instance = new S3ProxyServer();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start S3Proxy", e);
            }
        }
        return instance;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** A client for setup and inspection, outside the code under test. */
    @Override
    public S3Client admin() {
        return admin;
    }

    @Override
    public String name() {
        return "S3Proxy";
    }

    @Override
    public String accessKey() {
        return ACCESS_KEY;
    }

    @Override
    public String secretKey() {
        return SECRET_KEY;
    }

    /** S3Proxy lists in UTF-16 order and its delimiter listings are complete. */
    @Override
    public Map<String, String> quirks() {
        return Map.of("listingOrder", "utf16", "parallelListing", "true");
    }
}
