package com.atlan.storage.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** File names are UTF-8 in any locale: the launcher sets one, and the library refuses to garble names. */
class LocaleTest {

    /** Starts a local store and prints the outcome; run in a child JVM under a chosen locale. */
    public static final class Probe {
        private Probe() {}

        public static void main(String[] args) {
            try {
                new LocalBackend("local", Path.of(args[0]));
                System.out.println("started");
            } catch (RuntimeException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    private static String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void theLibraryRefusesToStartWhenFileNamesCannotBeUtf8() throws Exception {
        List<String> command = List.of(
                java(), "-cp", System.getProperty("java.class.path"), Probe.class.getName(), "/tmp/atlan-locale-probe");
        assertThat(run(command, Map.of("LC_ALL", "C")))
                .contains("cannot run")
                .contains("ANSI_X3.4-1968")
                .contains("LC_ALL=C.UTF-8");
        assertThat(run(command, Map.of("LC_ALL", "C.UTF-8"))).contains("started");
    }

    @Test
    void theLauncherGivesTheJvmAUtf8LocaleUnderAnEmptyEnvironment() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path env = repo.resolve("bin/java-env.sh");
        assertThat(env).exists();
        String script = "source '" + env + "'; atlan_find_java >/dev/null; atlan_utf8_locale;"
                + " \"$JAVA_HOME/bin/java\" -XshowSettings:properties -version 2>&1 | grep sun.jnu.encoding";
        String out = run(
                List.of("/bin/bash", "-c", script),
                Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home")));
        assertThat(out).contains("sun.jnu.encoding = UTF-8");
        String kept = run(
                List.of(
                        "/bin/bash",
                        "-c",
                        "source '" + env + "'; LANG=en_US.UTF-8; atlan_utf8_locale; echo \"[${LC_ALL:-}]\""),
                Map.of("PATH", "/usr/bin:/bin"));
        assertThat(kept).as("a UTF-8 locale the user has is kept").contains("[]");
        assertThat(Files.readString(repo.resolve("bin/atlan-storage"))).contains("atlan_utf8_locale");
    }
}
