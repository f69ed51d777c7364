package com.atlan.storage.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/** What a local write killed mid-copy leaves behind, for tests of the clean-up that removes it. */
public final class KilledWrites {

    private KilledWrites() {}

    /**
     * A partial file in {@code folder} as a killed copy leaves it: named by a process that has ended, holding a few
     * bytes, untouched for an hour.
     */
    public static Path partialFile(Path folder) throws IOException, InterruptedException {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path file = folder.resolve(".atlan-partial-" + ended.pid() + "-0b6c1f7e-1111-2222-3333-444455556666");
        Files.createDirectories(folder);
        Files.writeString(file, "the first bytes of a killed copy");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        return file;
    }
}
