package com.atlan.storage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The upstream store's two names: the spec's {@code upstream-objectstore} and the SDK's {@code atlan-objectstore}. */
class UpstreamStoreFallbackTest {

    @TempDir
    Path dir;

    Path components;
    ListAppender<ILoggingEvent> log;
    Logger logger;

    @BeforeEach
    void captureLog() {
        components = dir.resolve("components");
        ComponentFiles.localStore(components, "objectstore", "./deployment");
        logger = (Logger) LoggerFactory.getLogger(StorageConfiguration.class);
        logger.setLevel(Level.INFO);
        log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private StorageConfiguration load(Map<String, String> env) {
        return StorageConfiguration.load(Optional.of(components), env, dir);
    }

    private long fallbackMessages() {
        return log.list.stream()
                .filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("using 'atlan-objectstore'"))
                .count();
    }

    @Test
    void usesTheSdksComponentNameWhenTheSpecsIsMissingAndSaysSoOnce() {
        ComponentFiles.localStore(components, "atlan-objectstore", "./upstream");

        StorageConfiguration first = load(Map.of());
        StorageConfiguration second = load(Map.of());

        assertThat(first.storeNames().upstream()).isEqualTo("atlan-objectstore");
        assertThat(second.storeNames().upstream()).isEqualTo("atlan-objectstore");
        assertThat(first.objectStore(first.storeNames().upstream()).name()).isEqualTo("atlan-objectstore");
        assertThat(fallbackMessages()).isEqualTo(1);
        assertThat(log.list.getFirst().getFormattedMessage())
                .contains("no component named 'upstream-objectstore'")
                .contains("UPSTREAM_OBJECT_STORE_NAME");
    }

    @Test
    void prefersTheSpecsNameWhenBothExist() {
        ComponentFiles.localStore(components, "atlan-objectstore", "./sdk-upstream");
        ComponentFiles.localStore(components, "upstream-objectstore", "./upstream");

        assertThat(load(Map.of()).storeNames().upstream()).isEqualTo("upstream-objectstore");
        assertThat(fallbackMessages()).isZero();
    }

    @Test
    void neverReplacesANameTheEnvironmentSets() {
        ComponentFiles.localStore(components, "atlan-objectstore", "./upstream");
        StorageConfiguration configuration = load(Map.of("UPSTREAM_OBJECT_STORE_NAME", "upstream-objectstore"));

        assertThat(configuration.storeNames().upstream()).isEqualTo("upstream-objectstore");
        assertThatThrownBy(() -> configuration.objectStore("upstream-objectstore"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("found [atlan-objectstore, objectstore]")
                .hasMessageContaining("or set UPSTREAM_OBJECT_STORE_NAME to one of the names found")
                .hasMessageNotContaining("the Atlan SDK's name");
        assertThat(fallbackMessages()).isZero();
    }

    @Test
    void theErrorWhenNeitherExistsNamesBoth() {
        StorageConfiguration configuration = load(Map.of());

        assertThat(configuration.storeNames().upstream()).isEqualTo("upstream-objectstore");
        assertThatThrownBy(() ->
                        configuration.objectStore(configuration.storeNames().upstream()))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("no component named 'upstream-objectstore' (the store named by"
                        + " UPSTREAM_OBJECT_STORE_NAME) or 'atlan-objectstore' (the Atlan SDK's name for it)")
                .hasMessageContaining("Add a component with metadata.name: upstream-objectstore or atlan-objectstore");
    }

    @Test
    void storeNamesFallBackOnlyWhenTheUpstreamNameIsTheDefault() {
        Set<String> sdkComponents = Set.of("objectstore", "atlan-objectstore");
        assertThat(StoreNames.from(Map.of(), sdkComponents).upstream()).isEqualTo("atlan-objectstore");
        assertThat(StoreNames.from(Map.of("UPSTREAM_OBJECT_STORE_NAME", " "), sdkComponents)
                        .upstream())
                .isEqualTo("atlan-objectstore");
        assertThat(StoreNames.from(Map.of("UPSTREAM_OBJECT_STORE_NAME", "mine"), sdkComponents)
                        .upstream())
                .isEqualTo("mine");
        assertThat(StoreNames.from(Map.of(), Set.of("objectstore")).upstream()).isEqualTo("upstream-objectstore");
    }
}
