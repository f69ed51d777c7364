package com.atlan.storage.cli;

import com.atlan.storage.config.Component;
import com.atlan.storage.config.MetadataValue;
import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.config.StoreNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atlan-storage stores}: the configured object stores, and with {@code --check} whether each works. */
@Command(
        name = "stores",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Lists the object stores the components folder configures: name, type, role (source, destination,"
                    + " state) and settings, with secret values and secret references shown as *** or by reference"
                    + " only.",
            "",
            "With --check, probes each store (or the NAMEs given): lists it, writes an object under '"
                    + StoreProbe.PROBE_PREFIX + "', reads it back and deletes it, and classifies a failure as"
                    + " configuration, credentials, permission, not found, connectivity, TLS or unexpected answer"
                    + " (a web server where a store should be).",
            "",
            "Exit codes: 0 listed / every store passed, 2 usage or configuration error, or a store failed its check."
        })
final class StoresCommand implements Callable<Integer> {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(secret|password|token|key$|accesskey|accountkey|credential|connectionstring|sas|private).*");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these stores (default: every one).")
    List<String> names = new ArrayList<>();

    @Option(names = "--check", description = "List, write, read back and delete a probe object in each store.")
    boolean check;

    /** Whether the metadata field {@code name} holds a secret. */
    static boolean isSecret(String name) {
        return SECRET.matcher(name).matches() && !name.equalsIgnoreCase("key");
    }

    @Override
    public Integer call() {
        StorageConfiguration configuration = common.configuration();
        List<String> stores = new ArrayList<>();
        if (names.isEmpty()) {
            configuration.components().values().stream()
                    .filter(c -> configuration.objectStoreTypes().contains(c.type()))
                    .forEach(c -> stores.add(c.name()));
        } else {
            names.forEach(n -> stores.add(configuration.component(n).name()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Components: " + configuration.location().describe());
        if (stores.isEmpty()) {
            out.println("No object store is configured; known types: " + configuration.objectStoreTypes());
            out.flush();
            return check ? AtlanStorageCli.ERROR : AtlanStorageCli.OK;
        }
        int failed = 0;
        for (String name : stores) {
            Component c = configuration.component(name);
            out.printf("%s (%s)%s%n", c.name(), c.type(), roles(configuration.storeNames(), name));
            if (!check) {
                settings(c).forEach(line -> out.println("    " + line));
                continue;
            }
            StoreProbe.Result r = StoreProbe.check(configuration, name);
            if (r.ok()) {
                out.println("    ok: list, write, read back, delete");
            } else {
                failed++;
                out.printf(
                        Locale.ROOT,
                        "    FAILED at %s: %s: %s%n    hint: %s%n",
                        r.failed().name().toLowerCase(Locale.ROOT),
                        r.kind().label(),
                        r.message(),
                        r.kind().hint());
            }
            out.flush();
        }
        if (check) {
            out.printf("%d of %d stores passed%n", stores.size() - failed, stores.size());
        }
        out.flush();
        return failed > 0 ? AtlanStorageCli.ERROR : AtlanStorageCli.OK;
    }

    private static String roles(StoreNames names, String name) {
        List<String> roles = new ArrayList<>();
        if (name.equals(names.deployment())) {
            roles.add("default source");
        }
        if (name.equals(names.upstream())) {
            roles.add("default destination");
        }
        if (name.equals(names.state())) {
            roles.add("state");
        }
        return roles.isEmpty() ? "" : " " + roles;
    }

    private static List<String> settings(Component c) {
        List<String> lines = new ArrayList<>();
        lines.add("declared in " + c.source());
        for (Map.Entry<String, MetadataValue> e : c.metadata().entrySet()) {
            String shown = switch (e.getValue()) {
                case MetadataValue.SecretKeyRef ref -> ref.describe();
                case MetadataValue.Literal lit -> isSecret(e.getKey()) ? "***" : lit.value();
            };
            lines.add(e.getKey() + ": " + shown);
        }
        return lines;
    }
}
