package com.atlan.storage.gcs;

import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a store authenticates: the service-account JSON fields of the Dapr binding ({@code type}, {@code project_id},
 * {@code private_key_id}, {@code private_key}, {@code client_email}, ...; a literal {@code \n} in
 * {@code private_key} is a newline), else Google's application default credentials, or none for an emulator.
 *
 * <p>Holds secrets: {@link #toString()} and {@link #source()} name only where they came from; {@link #identity()}
 * is a one-way fingerprint that tells two stores' credentials apart.
 */
final class GcsCredentials {

    /** The service-account fields, as Dapr's binding and a key file name them. */
    static final List<String> FIELDS = List.of(
            "type",
            "project_id",
            "private_key_id",
            "private_key",
            "client_email",
            "client_id",
            "auth_uri",
            "token_uri",
            "auth_provider_x509_cert_url",
            "client_x509_cert_url",
            "universe_domain");

    private final String source;
    private final String identity;
    private final Supplier<Credentials> credentials;

    private GcsCredentials(String source, String identity, Supplier<Credentials> credentials) {
        this.source = source;
        this.identity = identity;
        this.credentials = credentials;
    }

    /** The credentials a component selects; {@code emulator} stores send none. */
    static GcsCredentials from(StoreSettings s, boolean emulator) {
        String component = s.name();
        if (s.get("private_key").isPresent()) {
            if (s.get("client_email").isEmpty()) {
                throw new StorageConfigException(
                        "component '" + component + "' sets private_key, so it also needs metadata 'client_email'");
            }
            byte[] json = serviceAccountJson(s);
            GoogleCredentials parsed;
            try {
                parsed = GoogleCredentials.fromStream(new ByteArrayInputStream(json))
                        .createScoped("https://www.googleapis.com/auth/devstorage.read_write");
            } catch (IOException | RuntimeException e) {
                throw new StorageConfigException(
                        component,
                        "component '" + component + "': the service-account fields (private_key, client_email, ...)"
                                + " do not form a usable key: " + e.getClass().getSimpleName(),
                        null);
            }
            return new GcsCredentials(
                    "the service account " + s.get("client_email").get() + " of component '" + component + "'",
                    "sa:" + fingerprint(json),
                    () -> parsed);
        }
        if (emulator) {
            return new GcsCredentials("no credentials (useEmulator)", "none", NoCredentials::getInstance);
        }
        return new GcsCredentials(
                "Google application default credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud, metadata server)"
                        + " for component '" + component + "'",
                "adc",
                () -> {
                    try {
                        return GoogleCredentials.getApplicationDefault();
                    } catch (IOException e) {
                        throw new StorageConfigException(
                                component,
                                "component '" + component + "' has no service-account fields (private_key,"
                                        + " client_email) and no application default credentials were found: "
                                        + e.getMessage(),
                                e);
                    }
                });
    }

    /** The credentials for the client; application defaults are looked up on this first call. */
    Credentials get() {
        return credentials.get();
    }

    /** Whether read URLs can be signed: a service-account key is at hand. */
    boolean canSign() {
        return identity.startsWith("sa:");
    }

    String source() {
        return source;
    }

    String identity() {
        return identity;
    }

    @Override
    public String toString() {
        return source;
    }

    /** The key file Google's libraries read, from the component's fields; {@code \n} escapes become newlines. */
    private static byte[] serviceAccountJson(StoreSettings s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", s.get("type").orElse("service_account"));
            for (String field : FIELDS) {
                if (!field.equals("type")) {
                    var value = s.get(field);
                    if (value.isPresent()) {
                        String v = field.equals("private_key") ? value.get().replace("\\n", "\n") : value.get();
                        json.writeStringField(field, v);
                    }
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String fingerprint(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
