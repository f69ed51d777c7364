package com.atlan.storage.config;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The component names of the stores a migration uses, read from the environment as the Atlan
 * application SDK does. An unset or blank variable means the default.
 *
 * @param deployment the source object store ({@value #DEPLOYMENT_ENV}, default {@code objectstore})
 * @param upstream   the destination object store ({@value #UPSTREAM_ENV}, default {@code upstream-objectstore}, or
 *                   {@value #SDK_UPSTREAM} when only that is configured: see {@link #from(Map, Set)})
 * @param state      the state store ({@value #STATE_ENV}, default {@code statestore})
 */
public record StoreNames(String deployment, String upstream, String state) {

    /** Names the deployment (source) object store. */
    public static final String DEPLOYMENT_ENV = "DEPLOYMENT_OBJECT_STORE_NAME";
    /** Names the upstream (destination) object store. */
    public static final String UPSTREAM_ENV = "UPSTREAM_OBJECT_STORE_NAME";
    /** Names the state store. */
    public static final String STATE_ENV = "STATE_STORE_NAME";

    /**
     * The upstream store's name in the Atlan SDK's own components and in its {@code UPSTREAM_OBJECT_STORE_NAME}
     * default since v3; the spec (and {@link #DEFAULTS}) call the same store {@code upstream-objectstore}.
     */
    public static final String SDK_UPSTREAM = "atlan-objectstore";

    /** The names used when the environment sets none. */
    public static final StoreNames DEFAULTS = new StoreNames("objectstore", "upstream-objectstore", "statestore");

    public StoreNames {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(state, "state");
    }

    /** The names set in {@code env}, each falling back to its default. */
    public static StoreNames from(Map<String, String> env) {
        return new StoreNames(
                pick(env, DEPLOYMENT_ENV, DEFAULTS.deployment),
                pick(env, UPSTREAM_ENV, DEFAULTS.upstream),
                pick(env, STATE_ENV, DEFAULTS.state));
    }

    /**
     * The names set in {@code env}, with the upstream store resolved against the {@code configured} component
     * names: when the environment does not name it, {@code upstream-objectstore} is not configured and
     * {@value #SDK_UPSTREAM} is, the upstream store is {@value #SDK_UPSTREAM}, so an application with the SDK's
     * components folder works unchanged. A name the environment sets is never replaced.
     */
    public static StoreNames from(Map<String, String> env, Set<String> configured) {
        StoreNames names = from(env);
        boolean upstreamDefaulted = names.upstream.equals(DEFAULTS.upstream) && !isSet(env, UPSTREAM_ENV);
        if (upstreamDefaulted && !configured.contains(names.upstream) && configured.contains(SDK_UPSTREAM)) {
            return new StoreNames(names.deployment, SDK_UPSTREAM, names.state);
        }
        return names;
    }

    /** The names set in the process environment. */
    public static StoreNames fromEnvironment() {
        return from(System.getenv());
    }

    /** The environment variable that selects {@code name}, or {@code null} when it is none of these stores. */
    String variableFor(String name) {
        if (name.equals(deployment)) return DEPLOYMENT_ENV;
        if (name.equals(upstream)) return UPSTREAM_ENV;
        if (name.equals(state)) return STATE_ENV;
        return null;
    }

    private static String pick(Map<String, String> env, String variable, String fallback) {
        return isSet(env, variable) ? env.get(variable).trim() : fallback;
    }

    private static boolean isSet(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value != null && !value.isBlank();
    }
}
