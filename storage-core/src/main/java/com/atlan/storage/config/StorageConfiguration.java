package com.atlan.storage.config;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoreKeys;
import com.atlan.storage.store.StoreLocation;
import com.atlan.storage.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point to configuration: the Dapr components found for this process, the store names
 * from the environment, and the {@link Backend}s they describe.
 *
 * <p>Components come from the first of: the folder the caller passes ({@code --components DIR}), the
 * folder named by {@value #COMPONENTS_ENV}, {@code ./components} in the working directory, or the
 * embedded default (local folders under {@code ./local/dapr}). Relative folders and relative paths
 * inside components ({@code rootPath}, {@code secretsFile}) resolve against the working directory, as
 * Dapr resolves them against the working directory of {@code daprd}.
 *
 * <p>Loading reads and checks every file; secrets and placeholders are resolved per component when
 * it is used, so a broken component nobody uses does not stop the others. Instances are immutable
 * apart from caches and are safe to share between threads.
 */
public final class StorageConfiguration {

    /** The environment variable naming the components folder. */
    public static final String COMPONENTS_ENV = "ATLAN_STORAGE_COMPONENTS";

    /** The concurrency stores are sized for when the caller does not say. */
    public static final int DEFAULT_CONCURRENCY = 8;

    /** The environment variable naming the temporary (staging) folder, as in the SDK. */
    public static final String TEMPORARY_PATH_ENV = "ATLAN_TEMPORARY_PATH";

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    /** Components folders whose upstream-store fallback was announced: said once per process, not per load. */
    private static final Set<String> ANNOUNCED_FALLBACKS = ConcurrentHashMap.newKeySet();

    private final ComponentsLocation location;
    private final Map<String, Component> components;
    private final StoreNames storeNames;
    private final Path workingDir;
    private final SecretResolver secrets;
    private final Map<String, String> environment;
    private final StoreKeys storeKeys;
    private volatile Map<String, BackendProvider> providers;

    private StorageConfiguration(
            ComponentsLocation location, List<Component> loaded, Map<String, String> env, Path workingDir) {
        this.location = location;
        Map<String, Component> byName = new LinkedHashMap<>();
        loaded.forEach(c -> byName.put(c.name(), c));
        this.components = Collections.unmodifiableMap(byName);
        this.storeNames = StoreNames.from(env, components.keySet());
        this.workingDir = workingDir;
        this.secrets = new SecretResolver(components, env, workingDir);
        this.environment = env;
        String temporaryPath = env.get(TEMPORARY_PATH_ENV);
        // relative like the paths StoreKeys maps: against the process's working directory, as the SDK's abspath
        this.storeKeys = new StoreKeys(Path.of(
                temporaryPath == null || temporaryPath.isBlank() ? StoreKeys.DEFAULT_TEMPORARY_PATH : temporaryPath));
        boolean fellBack = !storeNames.upstream().equals(StoreNames.from(env).upstream());
        if (fellBack && ANNOUNCED_FALLBACKS.add(location.describe())) {
            log.info(
                    "no component named '{}' in {}; using '{}' (the Atlan SDK's name for the upstream store)."
                            + " Set {} to choose another",
                    StoreNames.DEFAULTS.upstream(),
                    location.describe(),
                    StoreNames.SDK_UPSTREAM,
                    StoreNames.UPSTREAM_ENV);
        }
    }

    /** Loads from the process environment and working directory, with no folder given by the caller. */
    public static StorageConfiguration load() {
        return load(Optional.empty());
    }

    /** Loads from the process environment and working directory. */
    public static StorageConfiguration load(Optional<Path> componentsDir) {
        return load(componentsDir, System.getenv(), Path.of(""));
    }

    /**
     * Loads the components.
     *
     * @param componentsDir the folder the caller chose ({@code --components}), tried first
     * @param env           the environment to read {@value #COMPONENTS_ENV}, store names and secrets from
     * @param workingDir    the directory relative paths resolve against
     * @throws StorageConfigException when the chosen folder is missing, a file is malformed or names collide
     */
    public static StorageConfiguration load(Optional<Path> componentsDir, Map<String, String> env, Path workingDir) {
        Objects.requireNonNull(componentsDir, "componentsDir");
        Map<String, String> environment = Collections.unmodifiableMap(new HashMap<>(env));
        Path cwd = workingDir.toAbsolutePath().normalize();
        ComponentsLocation location = locate(componentsDir, environment, cwd);
        List<Component> loaded;
        if (location.folder().isPresent()) {
            Path folder = location.folder().get();
            if (!Files.isDirectory(folder)) {
                throw new StorageConfigException(
                        "components " + location.describe() + " does not exist or is not a directory");
            }
            log.debug("loading Dapr components from {}", location.describe());
            loaded = ComponentsLoader.loadFolder(folder);
        } else {
            log.debug("loading {}", location.describe());
            loaded = ComponentsLoader.loadEmbeddedDefault();
        }
        loaded.forEach(c -> log.debug("component '{}' ({}) from {}", c.name(), c.type(), c.source()));
        return new StorageConfiguration(location, loaded, environment, cwd);
    }

    private static ComponentsLocation locate(Optional<Path> componentsDir, Map<String, String> env, Path cwd) {
        if (componentsDir.isPresent()) {
            return new ComponentsLocation(
                    ComponentsLocation.Origin.OPTION,
                    Optional.of(cwd.resolve(componentsDir.get()).normalize()));
        }
        String fromEnv = env.get(COMPONENTS_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new ComponentsLocation(
                    ComponentsLocation.Origin.ENVIRONMENT,
                    Optional.of(cwd.resolve(fromEnv.trim()).normalize()));
        }
        Path local = cwd.resolve("components");
        if (Files.isDirectory(local)) {
            return new ComponentsLocation(ComponentsLocation.Origin.WORKING_DIRECTORY, Optional.of(local));
        }
        return new ComponentsLocation(ComponentsLocation.Origin.EMBEDDED_DEFAULT, Optional.empty());
    }

    /** Where the components came from. */
    public ComponentsLocation location() {
        return location;
    }

    /** The store names chosen by the environment. */
    public StoreNames storeNames() {
        return storeNames;
    }

    /** The environment variable {@code name} as this configuration read it, when set and not blank. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * The key rules: local paths under the temporary folder ({@value #TEMPORARY_PATH_ENV} of this configuration's
     * environment, default {@code ./local/tmp/}; relative paths resolve against the process's working directory, as
     * {@link StoreKeys} resolves the paths it maps) give the keys below it.
     */
    public StoreKeys storeKeys() {
        return storeKeys;
    }

    /** The directory relative paths resolve against (absolute). */
    public Path workingDir() {
        return workingDir;
    }

    /** Every loaded component by name, in load order. */
    public Map<String, Component> components() {
        return components;
    }

    /**
     * The component called {@code name}.
     *
     * @throws StorageConfigException when there is none; the message lists the names found and where
     */
    public Component component(String name) {
        Component c = components.get(name);
        if (c == null) {
            String variable = storeNames.variableFor(name);
            // the default upstream name falls back to the SDK's name when that exists, so name both when neither does
            String alternative =
                    name.equals(StoreNames.DEFAULTS.upstream()) && !components.containsKey(StoreNames.SDK_UPSTREAM)
                            ? StoreNames.SDK_UPSTREAM
                            : null;
            throw new StorageConfigException("no component named '" + name + "'"
                    + (variable == null ? "" : " (the store named by " + variable + ")")
                    + (alternative == null ? "" : " or '" + alternative + "' (the Atlan SDK's name for it)")
                    + " in " + location.describe() + "; found " + (components.isEmpty() ? "none" : components.keySet())
                    + ". Add a component with metadata.name: " + name
                    + (alternative == null ? "" : " or " + alternative)
                    + (variable == null ? "" : " or set " + variable + " to one of the names found"));
        }
        return c;
    }

    /**
     * The settings a backend receives for component {@code name}: secrets resolved, placeholders checked.
     *
     * @throws StorageConfigException when the component is missing, a secret cannot be resolved or a
     *                                value holds an unfilled {@code {{placeholder}}}
     */
    public StoreSettings storeSettings(String name, int concurrency) {
        Component c = component(name);
        return new StoreSettings(c.name(), c.type(), secrets.resolve(c), workingDir, concurrency);
    }

    /** Opens the object store {@code name}, sized for {@value #DEFAULT_CONCURRENCY} concurrent transfers. */
    public Backend objectStore(String name) {
        return objectStore(name, DEFAULT_CONCURRENCY);
    }

    /**
     * Opens the object store {@code name} through the {@link BackendProvider} registered for its type.
     * The caller closes it.
     *
     * @throws StorageConfigException when the component is missing or broken, or no backend serves its type
     */
    public Backend objectStore(String name, int concurrency) {
        Component c = component(name);
        BackendProvider provider = providers().get(c.type());
        if (provider == null) {
            throw new StorageConfigException(c.describe() + ": no object store backend serves type '" + c.type() + "'. "
                    + typeHint(c.type()) + " Installed object store types: "
                    + new TreeSet<>(providers().keySet()) + ".");
        }
        StoreSettings settings = storeSettings(name, concurrency);
        log.debug("opening {} with {}", c.describe(), provider.getClass().getName());
        try {
            return provider.create(settings);
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageConfigException(
                    name,
                    c.describe() + ": the " + c.type() + " backend could not open it: "
                            + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** The component types some registered backend can open. */
    public Set<String> objectStoreTypes() {
        return Collections.unmodifiableSet(new TreeSet<>(providers().keySet()));
    }

    /**
     * Refuses a migration whose source and destination are the same store: the same component, or two components
     * whose backends place them in the same storage ({@link BackendProvider#location}): one folder or one inside
     * the other, one bucket or container at one endpoint.
     *
     * @throws StorageConfigException naming both components and what they share
     */
    public void requireDistinct(String source, String destination) {
        if (source.equals(destination)) {
            throw new StorageConfigException("source and destination are the same store '" + source + "' ("
                    + component(source).source() + "): a migration would copy every object onto itself. Set "
                    + StoreNames.UPSTREAM_ENV + " (or " + StoreNames.DEPLOYMENT_ENV + ") to a different component");
        }
        Optional<StoreLocation> from = location(source);
        Optional<StoreLocation> to = location(destination);
        if (from.isPresent() && to.isPresent() && from.get().overlaps(to.get())) {
            throw new StorageConfigException(
                    "source '" + source + "' (" + component(source).source()
                            + ") and destination '" + destination + "' ("
                            + component(destination).source()
                            + ") are the same storage: " + sharing(from.get(), to.get())
                            + "; a migration would copy objects onto themselves");
        }
    }

    private static String sharing(StoreLocation source, StoreLocation destination) {
        if (source.path().size() == destination.path().size()) {
            return "both are " + source.describe();
        }
        return source.path().size() < destination.path().size()
                ? "the destination, " + destination.describe() + ", is inside the source, " + source.describe()
                : "the source, " + source.describe() + ", is inside the destination, " + destination.describe();
    }

    /**
     * Where the store {@code name} keeps its objects, as its backend computes it from the settings (no
     * connection); empty when the backend cannot tell or no backend serves the type.
     */
    public Optional<StoreLocation> location(String name) {
        Component c = component(name);
        BackendProvider provider = providers().get(c.type());
        return provider == null ? Optional.empty() : provider.location(storeSettings(name, 1));
    }

    /**
     * What to do about a type no installed backend serves. Which jar serves which type is documented, not known here:
     * a backend is added by adding its jar, and this module names none of them.
     */
    private static String typeHint(String type) {
        if (type.startsWith("state.") || type.startsWith("secretstores.") || type.startsWith("pubsub.")) {
            return "'" + type + "' is not an object store; check which component the store name points at.";
        }
        return "Add the jar that serves it to the classpath: docs/configuration.md (Backends) lists the jar of every"
                + " type.";
    }

    private Map<String, BackendProvider> providers() {
        Map<String, BackendProvider> p = providers;
        if (p == null) {
            Map<String, BackendProvider> found = new TreeMap<>();
            for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
                for (String type : provider.types()) {
                    BackendProvider previous = found.putIfAbsent(type, provider);
                    if (previous != null) {
                        log.warn(
                                "{} and {} both serve {}; using the first",
                                previous.getClass().getName(),
                                provider.getClass().getName(),
                                type);
                    }
                }
            }
            log.debug("object store backends: {}", found.keySet());
            providers = p = Collections.unmodifiableMap(found);
        }
        return p;
    }

    @Override
    public String toString() {
        return "StorageConfiguration[" + location.describe() + ", components=" + components.keySet() + ", storeNames="
                + storeNames + "]";
    }
}
