package com.atlan.storage.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local writes survive a power loss; what a killed writer leaves is cleaned up; odd environments fail clearly. */
class LocalDurabilityTest {

    @TempDir
    Path dir;

    /** Records each sync with what the folder held at that moment. */
    private static final class RecordingSync implements FileSync {
        final List<String> calls = new ArrayList<>();
        final Path target;

        RecordingSync(Path target) {
            this.target = target;
        }

        @Override
        public void file(FileChannel file) throws IOException {
            calls.add("file (target " + (Files.exists(target) ? "present" : "absent") + ", " + file.size() + " bytes)");
        }

        @Override
        public void folder(Path folder) {
            calls.add("folder " + target.getRoot().relativize(folder) + " (target "
                    + (Files.exists(target) ? "present" : "absent") + ")");
        }
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWriteSyncsTheFileBeforeTheRenameAndEveryChangedFolderAfterIt() throws IOException {
        Path root = dir.resolve("root");
        Files.createDirectories(root);
        RecordingSync sync = new RecordingSync(root.resolve("a/b/c.txt"));
        LocalBackend store = new LocalBackend("local", root, sync);

        store.put("a/b/c.txt", bytes("hello"), 5, PutOptions.DEFAULT);

        String rel = dir.getRoot().relativize(root).toString();
        assertThat(sync.calls)
                .containsExactly(
                        "file (target absent, 5 bytes)",
                        "folder " + rel + "/a/b (target present)",
                        "folder " + rel + "/a (target present)",
                        "folder " + rel + " (target present)");

        sync.calls.clear();
        store.put("a/b/c.txt", bytes("again"), 5, PutOptions.DEFAULT);
        assertThat(sync.calls)
                .as("folders that existed: only the one holding the name")
                .hasSize(2);
    }

    @Test
    void aServerSideCopyIsSyncedLikeAWrite() throws IOException {
        LocalBackend source = new LocalBackend("src", dir.resolve("src"));
        source.put("x/y", bytes("data"), 4, PutOptions.DEFAULT);
        Path root = dir.resolve("dst");
        RecordingSync sync = new RecordingSync(root.resolve("x/y"));
        LocalBackend destination = new LocalBackend("dst", root, sync);
        destination.copyFrom(source, source.stat("x/y").orElseThrow());
        assertThat(sync.calls.get(0)).startsWith("file (target absent");
        assertThat(sync.calls.subList(1, sync.calls.size())).allMatch(c -> c.endsWith("(target present)"));
    }

    @Test
    void aPathSegmentLongerThanAFileNameIsAnInvalidKeyNotATransientFailure() {
        LocalBackend store = new LocalBackend("local", dir.resolve("root"));
        String key = "ok/" + "é".repeat(128) + "/f";
        assertThatThrownBy(() -> store.put(key, bytes("x"), 1, PutOptions.DEFAULT))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("256 bytes")
                .hasMessageContaining("255");
    }

    @Test
    void partialFilesOfAKilledWriterAreRemovedWhenListedAndLiveOnesAreKept() throws Exception {
        Path root = dir.resolve("root");
        LocalBackend store = new LocalBackend("local", root);
        store.put("d/kept", bytes("x"), 1, PutOptions.DEFAULT);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        FileTime old = FileTime.from(Instant.now().minusSeconds(600));
        Path killed =
                Files.writeString(root.resolve("d/.atlan-partial-" + gone.pid() + "-" + UUID.randomUUID()), "half");
        Files.setLastModifiedTime(killed, old);
        Path legacy = Files.writeString(root.resolve("d/.atlan-partial-" + UUID.randomUUID()), "half");
        Files.setLastModifiedTime(legacy, FileTime.from(Instant.now().minusSeconds(7200)));
        Path live = Files.writeString(
                root.resolve("d/.atlan-partial-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID()), "half");
        Files.setLastModifiedTime(live, old);

        assertThat(store.list("", null).map(ObjectInfo::key)).containsExactly("d/kept");
        assertThat(killed).doesNotExist();
        assertThat(legacy).doesNotExist();
        assertThat(live).as("its writer is alive").exists();
    }
}
