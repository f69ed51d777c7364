package com.atlan.storage.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalBackend#abortIncompleteWrites}: partial files a killed write left behind, and nothing else. */
class LocalIncompleteWritesTest {

    @TempDir
    Path root;

    /** A partial file name as an older version (no process id) gave it. */
    private static String partial() {
        return ".atlan-partial-" + java.util.UUID.randomUUID();
    }

    private Path file(String relative, Instant modified) throws IOException {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, relative);
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }

    @Test
    void removesOldPartialFilesUnderThePrefixAndKeepsEverythingElse() throws IOException {
        Instant old = Instant.now().minus(2, ChronoUnit.HOURS);
        Instant cutoff = Instant.now().minus(1, ChronoUnit.HOURS);
        Path leftOver = file("data/2024/" + partial(), old);
        Path leftOverBesideThePrefix = file("data/" + partial(), old); // could become "data/2024.csv"
        Path recent = file("data/2024/" + partial(), Instant.now()); // a run still going may own it
        Path elsewhere = file("other/" + partial(), old);
        Path sibling = file("data/2025/" + partial(), old);
        Path object = file("data/2024/part-1.csv", old);

        try (LocalBackend store = new LocalBackend("local", root)) {
            assertThat(store.abortIncompleteWrites("data/2024", cutoff)).isEqualTo(2);
        }

        assertThat(leftOver).doesNotExist();
        assertThat(leftOverBesideThePrefix).doesNotExist();
        assertThat(recent).exists();
        assertThat(elsewhere).exists();
        assertThat(sibling).exists();
        assertThat(object).exists();
    }

    @Test
    void anEmptyPrefixCoversTheWholeStoreAndAMissingFolderNothing() throws IOException {
        Instant old = Instant.now().minus(2, ChronoUnit.HOURS);
        file(partial(), old);
        file("x/y/" + partial(), old);

        try (LocalBackend store = new LocalBackend("local", root)) {
            assertThat(store.abortIncompleteWrites("missing/", Instant.now())).isZero();
            assertThat(store.abortIncompleteWrites("", Instant.now())).isEqualTo(2);
        }
    }

    @Test
    void aUsersFileThatMerelyStartsLikeAPartialFileIsAnObjectNeverRemoved() throws IOException {
        Instant old = Instant.now().minus(2, ChronoUnit.HOURS);
        Path users = file("data/.atlan-partial-x", old);

        try (LocalBackend store = new LocalBackend("local", root)) {
            assertThat(store.abortIncompleteWrites("", Instant.now())).isZero();
            assertThat(store.list("", null).map(o -> o.key())).containsExactly("data/.atlan-partial-x");
        }
        assertThat(users).exists();
    }
}
