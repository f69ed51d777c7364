package com.atlan.storage.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultProxyMainTest {

    @Test
    void printsThePortItServesOn() throws Exception {
        try (OriginServer origin = new OriginServer()) {
            FaultProxyMain.Arguments args = FaultProxyMain.parse(new String[] {
                "--target", origin.uri().toString(), "--listen", "0", "--seed", "4", "--profile", "delay=1ms"
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (FaultProxy proxy = FaultProxyMain.start(args, new PrintStream(out, true, StandardCharsets.UTF_8))) {
                assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(String.valueOf(proxy.port()));
                assertThat(proxy.plan().delay()).isEqualTo(Duration.ofMillis(1));
                assertThat(proxy.plan().seed()).isEqualTo(4);
                assertThat(RawExchange.get(proxy.port(), "/fixed/3", 20_000).body())
                        .isEqualTo(OriginServer.content(3));
            }
        }
    }

    @Test
    void refusesMissingTargetsAndBadProfilesBeforeListening() {
        assertThatThrownBy(() -> FaultProxyMain.parse(new String[] {"--listen", "0"}))
                .hasMessageContaining("--target");
        assertThatThrownBy(() ->
                        FaultProxyMain.parse(new String[] {"--target", "http://127.0.0.1:1", "--profile", "delay"}))
                .hasMessageContaining("NAME=VALUE");
    }
}
