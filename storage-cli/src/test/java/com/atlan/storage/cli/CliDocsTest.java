package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.BackendProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md holds every command's {@code --help} text verbatim, between {@code <!-- help:NAME -->} markers. This
 * test fails when a help text changed and the document did not; {@code -Dcli.docs.update=true} rewrites the blocks.
 */
class CliDocsTest {

    private static final Pattern BLOCK =
            Pattern.compile("<!-- help:([a-z-]+) -->\\n```text\\n(.*?)```\\n<!-- /help -->", Pattern.DOTALL);

    private static Path doc() throws Exception {
        Path classes = Path.of(CliDocsTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return classes.resolve("../../../docs/cli.md").normalize();
    }

    private static String help(CommandLine root, String name) {
        CommandLine command =
                name.equals("atlan-storage") ? root : root.getSubcommands().get(name);
        assertThat(command).as("a command named " + name).isNotNull();
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Test
    void theCliDocumentShowsEveryCommandsCurrentHelp() throws Exception {
        Path doc = doc();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        CommandLine root = new CommandLine(AtlanStorageCli.class);
        Matcher m = BLOCK.matcher(text);
        StringBuilder updated = new StringBuilder();
        java.util.Set<String> documented = new java.util.TreeSet<>();
        while (m.find()) {
            String name = m.group(1);
            documented.add(name);
            String current = help(root, name);
            if (Boolean.getBoolean("cli.docs.update")) {
                m.appendReplacement(
                        updated,
                        Matcher.quoteReplacement(
                                "<!-- help:" + name + " -->\n```text\n" + current + "```\n<!-- /help -->"));
            } else {
                assertThat(m.group(2))
                        .as("the help of '%s' in %s (run with -Dcli.docs.update=true to refresh)", name, doc)
                        .isEqualTo(current);
            }
        }
        if (Boolean.getBoolean("cli.docs.update")) {
            m.appendTail(updated);
            Files.writeString(doc, updated.toString(), StandardCharsets.UTF_8);
        }
        Map<String, CommandLine> commands = root.getSubcommands();
        assertThat(documented)
                .as("every command is documented")
                .containsAll(commands.keySet().stream()
                        .filter(n -> !n.equals("help"))
                        .toList());
        assertThat(documented).contains("atlan-storage");
    }

    /**
     * storage-core names no backend's jar (adding a backend is adding a jar), so an unserved type's error points to the
     * table in docs/configuration.md: every object store type the CLI's jars serve must stand there with its jar.
     */
    @Test
    void theConfigurationDocumentNamesTheJarOfEveryObjectStoreTypeTheCliServes() throws Exception {
        String text = Files.readString(doc().resolveSibling("configuration.md"), StandardCharsets.UTF_8);
        java.util.Set<String> checked = new java.util.TreeSet<>();
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            Path from = Path.of(provider.getClass()
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (from.toString().contains("test-classes") || from.toString().endsWith("-tests.jar")) {
                continue; // a test double of some module's tests
            }
            Matcher module = Pattern.compile("(storage-[a-z0-9]+)").matcher(from.toString());
            assertThat(module.find()).as("the module of %s", from).isTrue();
            for (String type : provider.types()) {
                assertThat(text)
                        .as("docs/configuration.md's table row for %s and its jar %s", type, module.group(1))
                        .containsPattern("(?m)^\\| [^\\n]*`" + Pattern.quote(type) + "`[^\\n]*\\| `" + module.group(1)
                                + "` \\|$");
                checked.add(type);
            }
        }
        assertThat(checked).contains("bindings.aws.s3", "bindings.azure.blobstorage", "bindings.gcp.bucket");
    }
}
