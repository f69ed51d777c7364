package com.atlan.storage.services;

import static com.atlan.storage.services.SdkStores.DEPLOYMENT;
import static com.atlan.storage.services.SdkStores.UPSTREAM;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.StorageConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code ...Async} twins: the same results as the class methods, failures inside the future, SDK defaults. */
class ObjectStoreAsyncTest {

    @RegisterExtension
    final SdkStores stores = new SdkStores();

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    @Test
    void everyCallRunsInTheBackgroundWithTheSdksDefaults() throws Exception {
        Path staged = stores.staged("out/a.json", "{\"a\":1}");
        assertThat(await(ObjectStore.uploadFileAsync(staged, "run/a.json")).key())
                .isEqualTo("run/a.json");
        assertThat(staged).doesNotExist();
        stores.staged("out/sub/b.json", "{\"b\":2}");
        assertThat(await(ObjectStore.uploadPrefixAsync(stores.temporaryRoot.resolve("out"), "run/tree")))
                .containsExactly("run/tree/sub/b.json");
        await(ObjectStore.uploadFileFromBytesAsync("u".getBytes(UTF_8), "run/u.txt", DEPLOYMENT));
        await(ObjectStore.putJsonAsync("run/c.json", Map.of("c", 3), DEPLOYMENT));

        assertThat(await(ObjectStore.listFilesAsync()))
                .containsExactly("run/a.json", "run/c.json", "run/tree/sub/b.json", "run/u.txt");
        assertThat(await(ObjectStore.listFilesAsync("run/tree"))).containsExactly("run/tree/sub/b.json");
        assertThat(await(ObjectStore.listKeysAsync("run", DEPLOYMENT, ".TXT"))).containsExactly("run/u.txt");
        assertThat(await(ObjectStore.listKeysWithMetaAsync("run", DEPLOYMENT, ".txt")))
                .singleElement()
                .satisfies(o -> assertThat(o.size()).isEqualTo(1));
        assertThat(await(ObjectStore.getFileMetaAsync("run/a.json", DEPLOYMENT)))
                .isPresent();
        assertThat(await(ObjectStore.getContentAsync("run/a.json")))
                .asString(UTF_8)
                .isEqualTo("{\"a\":1}");
        assertThat(await(ObjectStore.getContentAsync("run/missing", true))).isNull();
        assertThat(await(ObjectStore.getJsonAsync("run/c.json", DEPLOYMENT, Map.class)))
                .contains(Map.of("c", 3));
        assertThat(await(ObjectStore.existsAsync("run/u.txt"))).isTrue();

        Path target = stores.dir.resolve("download");
        await(ObjectStore.downloadFileAsync("run/a.json", target.resolve("a.json")));
        assertThat(target.resolve("a.json")).hasContent("{\"a\":1}");
        assertThat(await(ObjectStore.downloadPrefixAsync("run/tree", target, DEPLOYMENT)))
                .containsExactly(target.resolve("sub/b.json"));

        assertThat(await(ObjectStore.deleteFileAsync("run/u.txt"))).isTrue();
        assertThat(await(ObjectStore.deletePrefixAsync("run/tree"))).isEqualTo(1);
        assertThat(await(ObjectStore.deleteAllAsync(DEPLOYMENT))).isEqualTo(2);
        assertThat(ObjectStore.listFiles()).isEmpty();
    }

    @Test
    void theUpstreamDefaultOfUploadFileFromBytesFollowsTheConfiguredStoreNames() throws Exception {
        await(ObjectStore.uploadFileFromBytesAsync("x".getBytes(UTF_8), "r.txt"));
        assertThat(ObjectStore.listFiles("", UPSTREAM)).containsExactly("r.txt");
    }

    @Test
    void failuresCompleteTheFutureInsteadOfBeingThrown() {
        CompletableFuture<byte[]> missing = ObjectStore.getContentAsync("nope", DEPLOYMENT);
        CompletableFuture<List<String>> noStore = ObjectStore.listFilesAsync("", "no-such-store");

        assertThat(missing)
                .failsWithin(30, TimeUnit.SECONDS)
                .withThrowableOfType(Exception.class)
                .havingCause()
                .isInstanceOf(ObjectNotFoundException.class);
        assertThat(noStore)
                .failsWithin(30, TimeUnit.SECONDS)
                .withThrowableOfType(Exception.class)
                .havingCause()
                .isInstanceOf(StorageConfigException.class)
                .withMessageContaining("no-such-store");
    }
}
