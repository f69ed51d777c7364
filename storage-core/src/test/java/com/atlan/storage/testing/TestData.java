package com.atlan.storage.testing;

import com.atlan.storage.store.SeededInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reproducible test content and digests that never hold large objects in memory. */
public final class TestData {

    private TestData() {}

    /** A stream of {@code length} pseudo-random bytes determined by {@code seed}. */
    public static InputStream randomStream(long seed, long length) {
        return new SeededInputStream(seed, length);
    }

    /** Writes {@code length} seeded random bytes to {@code file}, creating folders. */
    public static Path writeRandomFile(Path file, long seed, long length) {
        try {
            Files.createDirectories(file.getParent());
            try (InputStream in = randomStream(seed, length);
                    OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hex SHA-256 of a stream's remaining bytes; closes it. */
    public static String sha256(InputStream in) {
        return SeededInputStream.sha256Of(in);
    }

    /** The hex SHA-256 of a file. */
    public static String sha256(Path file) {
        try {
            return sha256(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
