package com.atlan.storage.cli;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Messages;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoragePermissionException;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;

/**
 * Checks that a store works for a migration, as the SDK's preflight does: lists it, writes a probe object, reads it
 * back and deletes it, and classifies the first failure as configuration, credentials, permission, not found,
 * connectivity, TLS or an unexpected answer (a web server where a store should be).
 */
final class StoreProbe {

    /** Where probe objects are written; each probe uses a fresh key under it and deletes it. */
    static final String PROBE_PREFIX = ".atlan-storage-probe/";

    /** The steps of a probe, in order. */
    enum Step {
        OPEN,
        LIST,
        WRITE,
        READ,
        DELETE
    }

    /** What kind of failure a probe met, with the fix it suggests. */
    enum Kind {
        CONFIGURATION("fix the component file"),
        CREDENTIALS("the store rejected the credentials: check the access key and secret"),
        PERMISSION("the credentials lack a permission (list, write, read and delete are needed)"),
        NOT_FOUND("the bucket, container or folder does not exist"),
        CONNECTIVITY("the endpoint cannot be reached: check the host, port and network"),
        TLS("the TLS handshake failed: check the endpoint's certificate and the scheme (http/https)"),
        UNEXPECTED_ANSWER("the endpoint does not answer as an object store: check the endpoint");

        private final String hint;

        Kind(String hint) {
            this.hint = hint;
        }

        String hint() {
            return hint;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * How a probe ended.
     *
     * @param store   the component name
     * @param failed  the step that failed, or {@code null} when every step passed
     * @param kind    the kind of failure, or {@code null}
     * @param message the failure in words, secrets removed, or {@code null}
     */
    record Result(String store, Step failed, Kind kind, String message) {
        boolean ok() {
            return failed == null;
        }
    }

    private static final Pattern CREDENTIALS = Pattern.compile(
            "\\b401\\b|InvalidAccessKeyId|SignatureDoesNotMatch|AuthenticationFailed|InvalidAuthenticationInfo"
                    + "|invalid credentials|ExpiredToken|InvalidToken|UNAUTHENTICATED|invalid_grant",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_FOUND = Pattern.compile(
            "NoSuchBucket|ContainerNotFound|bucket does not exist|does not exist|not found|\\b404\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MISSING_CONTAINER =
            Pattern.compile("NoSuchBucket|ContainerNotFound|bucket does not exist|does not exist at");
    private static final Pattern NOT_A_STORE =
            Pattern.compile("does not look like|answered HTTP \\d+ with a body|not an? (S3|object store)");
    private static final Pattern PERMISSION =
            Pattern.compile("\\b403\\b|AccessDenied|AuthorizationFailure|PERMISSION_DENIED|Forbidden");

    private StoreProbe() {}

    /** Probes the store {@code name}; never throws for the store's failures. */
    static Result check(StorageConfiguration configuration, String name) {
        Function<String, String> redact = redactor(configuration, name);
        Step step = Step.OPEN;
        try (Backend store = configuration.objectStore(name, 1)) {
            step = Step.LIST;
            try (Stream<?> listing = store.list(PROBE_PREFIX, null)) {
                var unused = listing.limit(1).count();
            }
            String key = PROBE_PREFIX + UUID.randomUUID();
            byte[] payload = ("atlan-storage probe " + Instant.now()).getBytes(StandardCharsets.UTF_8);
            step = Step.WRITE;
            store.put(key, new ByteArrayInputStream(payload), payload.length, PutOptions.DEFAULT);
            step = Step.READ;
            byte[] back;
            try (ObjectContent content = store.open(key)) {
                back = content.readAllBytes();
            }
            if (!Arrays.equals(back, payload)) {
                return new Result(
                        name,
                        Step.READ,
                        Kind.UNEXPECTED_ANSWER,
                        "the probe object read back differs from what was written");
            }
            step = Step.DELETE;
            store.delete(key);
            if (store.stat(key).isPresent()) {
                return new Result(name, Step.DELETE, Kind.UNEXPECTED_ANSWER, "the probe object is still there");
            }
            return new Result(name, null, null, null);
        } catch (IOException | RuntimeException e) {
            return new Result(name, step, classify(e), redact.apply(Messages.of(e)));
        }
    }

    /** The kind of {@code failure}. */
    static Kind classify(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return Kind.TLS;
            }
            if (c instanceof ConnectException
                    || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException
                    || c instanceof SocketTimeoutException
                    || c instanceof HttpConnectTimeoutException
                    || c instanceof HttpTimeoutException) {
                return Kind.CONNECTIVITY;
            }
            text.append(' ').append(c.getMessage());
        }
        String all = text.toString();
        if (CREDENTIALS.matcher(all).find()) {
            return Kind.CREDENTIALS;
        }
        if (MISSING_CONTAINER.matcher(all).find()) {
            return Kind.NOT_FOUND;
        }
        if (NOT_A_STORE.matcher(all).find()) {
            return Kind.UNEXPECTED_ANSWER;
        }
        if (failure instanceof StorageConfigException) {
            return Kind.CONFIGURATION;
        }
        if (failure instanceof StoragePermissionException
                || PERMISSION.matcher(all).find()) {
            return Kind.PERMISSION;
        }
        if (failure instanceof ObjectNotFoundException
                || failure instanceof FileNotFoundException
                || NOT_FOUND.matcher(all).find()) {
            return Kind.NOT_FOUND;
        }
        if (all.contains("SSL") || all.contains("PKIX") || all.contains("certificate")) {
            return Kind.TLS;
        }
        if (all.contains("Connection refused") || all.contains("connect timed out")) {
            return Kind.CONNECTIVITY;
        }
        return Kind.UNEXPECTED_ANSWER;
    }

    /** Removes the store's resolved secret values from a message. */
    private static Function<String, String> redactor(StorageConfiguration configuration, String name) {
        try {
            var secrets = configuration.storeSettings(name, 1).metadata().entrySet().stream()
                    .filter(e ->
                            StoresCommand.isSecret(e.getKey()) && e.getValue().length() >= 4)
                    .map(java.util.Map.Entry::getValue)
                    .toList();
            return message -> {
                String m = message;
                for (String s : secrets) {
                    m = m.replace(s, "***");
                }
                return m;
            };
        } catch (RuntimeException e) {
            return Function.identity();
        }
    }
}
