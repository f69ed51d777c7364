package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.services.StateType;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SDK's key layout, the rule for ids, state type names, and Dapr-style durations. */
class StateKeysTest {

    @Test
    void usesTheSdksLayout() {
        assertThat(StateKeys.state("my-app", "workflows", "wf-1"))
                .isEqualTo("persistent-artifacts/apps/my-app/workflows/wf-1/config.json");
        assertThat(StateKeys.checkpoint("default", "job"))
                .isEqualTo("persistent-artifacts/apps/default/migrations/job/checkpoint.json");
        assertThat(StateKeys.lock("default", "job"))
                .isEqualTo("persistent-artifacts/apps/default/migrations/job/lock.json");
        String prefix = StateKeys.typePrefix("a", "workflows");
        assertThat(StateKeys.idOf(prefix, StateKeys.state("a", "workflows", "x y")))
                .contains("x y");
        assertThat(StateKeys.idOf(prefix, prefix + "x/y/config.json")).isEmpty();
        assertThat(StateKeys.idOf(prefix, "persistent-artifacts/apps/a/credentials/x/config.json"))
                .isEmpty();
    }

    @Test
    void theApplicationComesFromTheEnvironmentAndIsCheckedLikeAnId() {
        assertThat(StateKeys.application(Optional.empty())).isEqualTo("default");
        assertThat(StateKeys.application(Optional.of(" my-app "))).isEqualTo("my-app");
        assertThatThrownBy(() -> StateKeys.application(Optional.of("../other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ATLAN_APPLICATION_NAME");
    }

    @Test
    void idsMustBeOnePathSegment() {
        assertThat(StateKeys.requireSegment("wf 1 ü", "state id")).isEqualTo("wf 1 ü");
        assertThat(StateKeys.requireSegment("a".repeat(255), "state id")).hasSize(255);
        for (String bad : new String[] {"", ".", "..", "a/b", "a\\b", "a\tb", "a\u007fb", "x".repeat(256), "x "}) {
            assertThatThrownBy(() -> StateKeys.requireSegment(bad, "state id"))
                    .as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the state id");
        }
    }

    @Test
    void stateTypesHaveTheSdksNames() {
        assertThat(StateType.isMember("workflows")).isTrue();
        assertThat(StateType.isMember("credentials")).isTrue();
        assertThat(StateType.isMember("WORKFLOWS")).isFalse();
        assertThat(StateType.of("Credentials")).isEqualTo(StateType.CREDENTIALS);
        assertThatThrownBy(() -> StateType.of("secrets")).hasMessageContaining("use workflows or credentials");
    }

    @Test
    void durationsAreReadAsDaprWritesThem() {
        StoreSettings settings = new StoreSettings(
                "s",
                "state.x",
                Map.of("a", "20", "b", "500ms", "c", "2m", "bad", "5 s", "zero", "0s"),
                Path.of("."),
                1);
        assertThat(StateSettings.duration(settings, Duration.ZERO, "missing", "a"))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(StateSettings.duration(settings, Duration.ZERO, "b")).isEqualTo(Duration.ofMillis(500));
        assertThat(StateSettings.duration(settings, Duration.ZERO, "c")).isEqualTo(Duration.ofMinutes(2));
        assertThat(StateSettings.duration(settings, Duration.ofSeconds(3), "missing"))
                .isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> StateSettings.duration(settings, Duration.ZERO, "bad"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("metadata 'bad'");
        assertThatThrownBy(() -> StateSettings.duration(settings, Duration.ZERO, "zero"))
                .isInstanceOf(StorageConfigException.class);
    }
}
