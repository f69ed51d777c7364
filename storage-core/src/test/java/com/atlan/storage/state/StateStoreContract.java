package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.services.StateStore;
import com.atlan.storage.services.StateType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every state backend must do, tested through the SDK-style {@link StateStore} and the SPI's conditional
 * writes. Each backend's test extends this and says how to open its store (a new connection per call, so the
 * concurrency test has writers that share nothing but the server) and how to get one that fails.
 *
 * <p>Each test uses an application name of its own, so runs against a shared external server do not meet.
 */
public abstract class StateStoreContract {

    protected static final int THREADS = 8;
    protected static final int SAVES_PER_THREAD = 200;

    /** A new backend on the store under test (a new connection where the backend has connections). */
    protected abstract StateBackend open();

    /** A backend of the same type whose operations fail (a server that is not there, a dropped table...). */
    protected abstract StateBackend broken();

    protected String application;
    private final List<StateBackend> opened = new ArrayList<>();
    private StateStore store;

    @BeforeEach
    void openStore() {
        application = "contract-" + UUID.randomUUID();
        store = store();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(StateBackend::close);
    }

    /** A state store for this test's application over a new backend, closed after the test. */
    protected StateStore store() {
        StateBackend backend = open();
        opened.add(backend);
        return new StateStore(backend, application);
    }

    @Test
    void absentStateReadsAsEmpty() {
        assertThat(store.get("never-saved", StateType.WORKFLOWS)).isEmpty();
        assertThat(store.ids(StateType.WORKFLOWS)).isEmpty();
        assertThat(store.delete("never-saved", StateType.WORKFLOWS)).isFalse();
    }

    @Test
    void saveStateSetsOneTopLevelKeyAndKeepsTheOthers() {
        store.set(
                "migration_batch_001",
                Map.of("total_files", 3, "migrated_files", 3),
                "pipeline-1",
                StateType.WORKFLOWS);
        store.set("status", "running", "pipeline-1", StateType.WORKFLOWS);
        store.set("status", "done", "pipeline-1", StateType.WORKFLOWS);

        ObjectNode state = store.get("pipeline-1", StateType.WORKFLOWS);
        assertThat(state.get("status").asText()).isEqualTo("done");
        assertThat(state.get("migration_batch_001").get("total_files").asInt()).isEqualTo(3);
        assertThat(state.size()).isEqualTo(2);
    }

    @Test
    void saveStateObjectMergesShallowlyAndReturnsTheMergedObject() {
        store.merge("wf", Map.of("a", 1, "nested", Map.of("x", 1, "y", 2)), StateType.WORKFLOWS);
        ObjectNode merged = store.merge("wf", Map.of("b", 2, "nested", Map.of("z", 3)), StateType.WORKFLOWS);

        assertThat(merged.get("a").asInt()).isEqualTo(1);
        assertThat(merged.get("b").asInt()).isEqualTo(2);
        assertThat(merged.get("nested").size())
                .as("a shallow merge replaces nested objects, as the SDK's dict.update")
                .isEqualTo(1);
        assertThat(store.get("wf", StateType.WORKFLOWS)).isEqualTo(merged);
        assertThatThrownBy(() -> store.merge("wf", List.of(1, 2), StateType.WORKFLOWS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void valuesRoundTripExactlyInTheirOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("zeta", "Größe ✓ 日本 🚀");
        value.put("alpha", List.of(1, 2.5, true));
        value.put("middle", null);
        store.merge("order", value, StateType.WORKFLOWS);
        List<String> names = new ArrayList<>();
        store.get("order", StateType.WORKFLOWS).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("zeta", "alpha", "middle");
        assertThat(store.get("order", StateType.WORKFLOWS).get("zeta").asText()).isEqualTo("Größe ✓ 日本 🚀");
    }

    @Test
    void typesAndApplicationsAreIsolated() {
        store.set("k", "workflow", "same-id", StateType.WORKFLOWS);
        store.set("k", "secret", "same-id", StateType.CREDENTIALS);
        StateStore otherApplication = new StateStore(open(), application + "-other");
        try {
            assertThat(store.get("same-id", StateType.WORKFLOWS).get("k").asText())
                    .isEqualTo("workflow");
            assertThat(store.get("same-id", StateType.CREDENTIALS).get("k").asText())
                    .isEqualTo("secret");
            assertThat(otherApplication.get("same-id", StateType.WORKFLOWS)).isEmpty();
            assertThat(store.ids(StateType.WORKFLOWS)).containsExactly("same-id");
            assertThat(store.delete("same-id", StateType.WORKFLOWS)).isTrue();
            assertThat(store.get("same-id", StateType.CREDENTIALS).get("k").asText())
                    .isEqualTo("secret");
        } finally {
            otherApplication.close();
        }
    }

    @Test
    void idsThatCouldReachOtherStateAreRefused() {
        store.set("k", "mine", "victim", StateType.CREDENTIALS);
        for (String id : new String[] {
            "",
            ".",
            "..",
            "../victim",
            "a/b",
            "..\\x",
            "x\ny",
            "../../" + application + "/credentials/victim",
            " padded"
        }) {
            assertThatThrownBy(() -> store.set("k", "evil", id, StateType.WORKFLOWS))
                    .as("id %s", id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("state id");
            assertThatThrownBy(() -> store.get(id, StateType.WORKFLOWS)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.get("victim", StateType.CREDENTIALS).get("k").asText()).isEqualTo("mine");
        assertThat(store.ids(StateType.WORKFLOWS)).isEmpty();
    }

    @Test
    void aStoreFailureIsAnErrorNeverEmptyState() {
        assertThatThrownBy(() -> {
                    try (StateStore failing = new StateStore(broken(), application)) {
                        failing.get("wf", StateType.WORKFLOWS);
                    }
                })
                .isInstanceOf(StateStoreException.class);
        assertThatThrownBy(() -> {
                    try (StateStore failing = new StateStore(broken(), application)) {
                        failing.set("k", 1, "wf", StateType.WORKFLOWS);
                    }
                })
                .isInstanceOf(StateStoreException.class);
    }

    @Test
    void aFailedReadNeverLetsASaveOverwriteTheState() {
        store.merge("wf", Map.of("a", 1, "b", 2), StateType.WORKFLOWS);
        AtomicBoolean failReads = new AtomicBoolean(true);
        StateBackend flaky = new ForwardingStateBackend(open()) {
            @Override
            public Optional<StateEntry> get(String key) {
                if (failReads.get()) {
                    throw new StateStoreException(describe() + ": read failed (injected)");
                }
                return super.get(key);
            }
        };
        try (StateStore overFlaky = new StateStore(flaky, application)) {
            assertThatThrownBy(() -> overFlaky.set("c", 3, "wf", StateType.WORKFLOWS))
                    .isInstanceOf(StateStoreException.class);
            assertThatThrownBy(() -> overFlaky.get("wf", StateType.WORKFLOWS)).isInstanceOf(StateStoreException.class);
            failReads.set(false);
            overFlaky.set("c", 3, "wf", StateType.WORKFLOWS);
        }
        ObjectNode state = store.get("wf", StateType.WORKFLOWS);
        assertThat(state.get("a").asInt()).isEqualTo(1);
        assertThat(state.get("b").asInt()).isEqualTo(2);
        assertThat(state.get("c").asInt()).isEqualTo(3);
    }

    @Test
    void stateThatIsNotAJsonObjectIsAnErrorNotEmpty() {
        StateBackend backend = open();
        opened.add(backend);
        String key = store.key("damaged", StateType.WORKFLOWS);
        backend.put(key, "[1, 2]", Condition.always());
        assertThatThrownBy(() -> store.get("damaged", StateType.WORKFLOWS))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("not an object");
        backend.put(key, "{truncated", Condition.always());
        assertThatThrownBy(() -> store.set("k", 1, "damaged", StateType.WORKFLOWS))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("not JSON");
        assertThat(backend.get(key).orElseThrow().value()).isEqualTo("{truncated");
    }

    @Test
    void conditionalWritesRefuseAStaleVersion() {
        StateBackend backend = open();
        opened.add(backend);
        String key = "persistent-artifacts/apps/" + application + "/conditional";

        String v1 = backend.put(key, "{\"n\":1}", Condition.absent()).orElseThrow();
        assertThat(backend.put(key, "{\"n\":9}", Condition.absent()))
                .as("absent, but it exists")
                .isEmpty();
        String v2 = backend.put(key, "{\"n\":2}", Condition.version(v1)).orElseThrow();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(backend.put(key, "{\"n\":3}", Condition.version(v1)))
                .as("stale version")
                .isEmpty();
        assertThat(backend.delete(key, Condition.version(v1)))
                .as("stale delete")
                .isFalse();
        assertThat(backend.get(key).orElseThrow())
                .extracting(StateEntry::value, StateEntry::version)
                .containsExactly("{\"n\":2}", v2);
        assertThat(backend.keys("persistent-artifacts/apps/" + application + "/"))
                .containsExactly(key);
        assertThat(backend.delete(key, Condition.version(v2))).isTrue();
        assertThat(backend.get(key)).isEmpty();
        assertThat(backend.put(key, "{}", Condition.version(v2)))
                .as("version of a deleted key")
                .isEmpty();
    }

    @Test
    void keysListsByPrefixInCodePointOrderWithoutWildcards() {
        StateBackend backend = open();
        opened.add(backend);
        String base = "persistent-artifacts/apps/" + application + "/";
        for (String k : new String[] {"b", "a%", "a_", "A", "a*", "a/x", "ab"}) {
            backend.put(base + k, "{}", Condition.always());
        }
        assertThat(backend.keys(base + "a"))
                .containsExactly(base + "a%", base + "a*", base + "a/x", base + "a_", base + "ab");
        assertThat(backend.keys(base + "a%")).containsExactly(base + "a%");
        assertThat(backend.keys(base + "a_")).containsExactly(base + "a_");
        assertThat(backend.keys(base + "a*")).containsExactly(base + "a*");
    }

    @Test
    void concurrentSavesOnDistinctKeysOfOneIdLoseNothing() throws Exception {
        List<StateStore> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            writers.add(store());
        }
        CountDownLatch start = new CountDownLatch(1);
        // A thread per writer: the common pool may have a single thread on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            StateStore writer = writers.get(t);
            int thread = t;
            done.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        for (int i = 0; i < SAVES_PER_THREAD; i++) {
                            writer.set("t" + thread + "-" + i, i, "contended", StateType.WORKFLOWS);
                        }
                    },
                    threads));
        }
        start.countDown();
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }

        ObjectNode state = store.get("contended", StateType.WORKFLOWS);
        assertThat(state.size()).isEqualTo(THREADS * SAVES_PER_THREAD);
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < SAVES_PER_THREAD; i++) {
                assertThat(state.path("t" + t + "-" + i).asInt(-1)).isEqualTo(i);
            }
        }
    }
}
