package com.atlan.storage.store.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendContract;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalBackendContractTest extends BackendContract {

    @TempDir
    Path temp;

    private Path root;

    @Override
    protected Backend store() {
        root = temp.resolve("root");
        return new LocalBackend("local-test", root);
    }

    @Override
    protected int paginationKeyCount() {
        return 300;
    }

    @Override
    protected long largeObjectSize() {
        return 16 * MiB;
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "/abs", "a//b", "./x", "a/.", "trailing/", "back\\slash"})
    void refusesKeysThatAreNotPlainRelativePaths(String key) {
        assertThatThrownBy(() -> putText(key, "x")).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.stat(key)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(InvalidKeyException.class);
        assertThat(Files.exists(temp.resolve("x"))).isFalse();
    }

    @Test
    void refusesFoldersLinkedOutOfTheRoot() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "do not read");
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("link"), outside);

        assertThatThrownBy(() -> store.open("link/secret")).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> putText("link/new", "x")).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.delete("link/secret")).isInstanceOf(InvalidKeyException.class);
        assertThat(Files.exists(outside.resolve("new"))).isFalse();
        assertThat(Files.exists(outside.resolve("secret"))).isTrue();
        assertThat(keys(store.list("", null))).isEmpty();
    }

    @Test
    void refusesFilesLinkedOutOfTheRoot() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "do not read");
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("secret-link"), outside.resolve("secret"));

        assertThatThrownBy(() -> store.open("secret-link")).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.open("secret-link", 0, 5)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.stat("secret-link")).isInstanceOf(InvalidKeyException.class);
        assertThat(keys(store.list("", null))).isEmpty();
    }

    @Test
    void neverListsPartialFiles() throws Exception {
        Files.createDirectories(root.resolve("dir"));
        Files.writeString(root.resolve("dir").resolve(PartialFiles.newName()), "junk");
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served == 5) {
                    halfWritten.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                return served++ < 10 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int c = read(); // one byte at a time, so the write is caught half way
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
        CompletableFuture<ObjectInfo> writing =
                CompletableFuture.supplyAsync(() -> store.put("dir/slow", slow, 10, PutOptions.DEFAULT));

        assertThat(halfWritten.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(keys(store.list("", null))).isEmpty();
        release.countDown();
        assertThat(writing.get(10, TimeUnit.SECONDS).size()).isEqualTo(10);
        assertThat(keys(store.list("", null))).containsExactly("dir/slow");
    }

    @Test
    void keepsTheGivenModificationTime() {
        Instant mtime = Instant.parse("2020-01-02T03:04:05Z");
        byte[] data = "dated".getBytes(UTF_8);

        store.put("dated/x", new ByteArrayInputStream(data), data.length, PutOptions.withLastModified(mtime));

        assertThat(store.stat("dated/x"))
                .get()
                .extracting(ObjectInfo::lastModified)
                .isEqualTo(mtime);
        assertThat(list(store.list("dated/", null)))
                .singleElement()
                .extracting(ObjectInfo::lastModified)
                .isEqualTo(mtime);
        assertThat(store.features().preservesModTime()).isTrue();
    }

    @Test
    void reportsAFolderAsNoObject() {
        putText("folder/inside", "x");

        assertThat(store.stat("folder")).isEmpty();
        assertThatThrownBy(() -> store.open("folder"))
                .isInstanceOf(com.atlan.storage.store.ObjectNotFoundException.class);
        assertThatThrownBy(() -> store.open("folder", 0, 1))
                .isInstanceOf(com.atlan.storage.store.ObjectNotFoundException.class);
        assertThat(store.delete("folder")).isFalse();
    }

    @Test
    void failedWriteLeavesNoEmptyFolders() throws IOException {
        assertThatThrownBy(() -> store.put("deep/er/x", new ByteArrayInputStream(new byte[3]), 10, PutOptions.DEFAULT))
                .isInstanceOf(com.atlan.storage.store.IntegrityException.class);

        assertThat(Files.exists(root.resolve("deep"))).isFalse();
    }
}
