package com.atlan.storage.testkit;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link FaultProxy} does to the requests it forwards: an immutable, seeded plan.
 *
 * <p>Each request is faulted with its kind's probability; the fault is drawn by weight among those that can act on
 * it (a request-body fault only where there is a body, a response-body fault never on HEAD, PUT or DELETE, whose
 * answers carry none). The draw is a function
 * of the seed, the request's method and target and how often that same request was seen before, so a run with the
 * same seed and the same requests meets the same faults whatever the interleaving of concurrent requests.
 *
 * @param seed          the seed of every draw
 * @param probabilities the chance that a request of each kind is faulted (absent kinds: 0)
 * @param weights       the relative weight of each fault among those that apply (absent faults: never)
 * @param stall         how long {@link Fault#STALL} holds a response
 * @param retryAfter    the {@code Retry-After} of injected 503 and 429 answers and of throttled requests
 * @param delay         latency added to every request before it is forwarded (zero: none)
 * @param throttle      the request rate above which requests are answered 503 SlowDown, or {@code null}
 */
public record FaultPlan(
        long seed,
        Map<RequestKind, Double> probabilities,
        Map<Fault, Double> weights,
        Duration stall,
        Duration retryAfter,
        Duration delay,
        Throttle throttle) {

    /** The faults that disturb transport without corrupting bytes: every fault but the two flips. */
    public static final Set<Fault> TRANSPORT_FAULTS = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(Fault.FLIP_RESPONSE_BYTE, Fault.FLIP_REQUEST_BYTE)));

    /**
     * A token bucket: {@code perSecond} requests a second on average, {@code burst} at once.
     *
     * @param perSecond the sustained rate (> 0)
     * @param burst     the bucket's size (>= 1)
     */
    public record Throttle(double perSecond, int burst) {
        public Throttle {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("throttle needs a rate > 0 and a burst >= 1");
            }
        }
    }

    public FaultPlan {
        probabilities = Collections.unmodifiableMap(copy(probabilities, RequestKind.class));
        weights = Collections.unmodifiableMap(copy(weights, Fault.class));
        probabilities.forEach((kind, p) -> {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability of " + kind + " must be in [0, 1], not " + p);
            }
        });
        weights.forEach((fault, w) -> {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weight of " + fault.id() + " must be >= 0, not " + w);
            }
        });
        stall = nonNegative(stall, "stall", Duration.ofSeconds(1));
        retryAfter = nonNegative(retryAfter, "retryAfter", Duration.ofSeconds(1));
        delay = nonNegative(delay, "delay", Duration.ZERO);
    }

    /** A plan that forwards everything untouched. */
    public static FaultPlan none() {
        return builder().build();
    }

    /** Every kind of request faulted with probability {@code p}, by the {@link #TRANSPORT_FAULTS} in equal shares. */
    public static FaultPlan transportFaults(long seed, double p) {
        return builder().seed(seed).probability(p).faults(TRANSPORT_FAULTS).build();
    }

    /** A fixed {@code delay} before every request, as on a long link; nothing else. */
    public static FaultPlan latency(Duration delay) {
        return builder().delay(delay).build();
    }

    /** 503 SlowDown for every request above {@code perSecond} (bucket of {@code burst}); nothing else. */
    public static FaultPlan throttled(double perSecond, int burst) {
        return builder().throttle(perSecond, burst).build();
    }

    /** A builder with nothing faulted, seed 0, a 1 s stall and a 1 s Retry-After. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether any request may be faulted (delay and throttling aside). */
    public boolean injectsFaults() {
        return probabilities.values().stream().anyMatch(p -> p > 0)
                && weights.values().stream().anyMatch(w -> w > 0);
    }

    /** The chance that a request of {@code kind} is faulted. */
    public double probability(RequestKind kind) {
        return probabilities.getOrDefault(kind, 0.0);
    }

    /** The weight of {@code fault}. */
    public double weight(Fault fault) {
        return weights.getOrDefault(fault, 0.0);
    }

    /**
     * Parses a profile: comma-separated settings, e.g. {@code delay=40ms}, {@code throttle=500/s,burst=50} or
     * {@code faults=0.2,faults.LIST=0.3,types=503+truncate+stall,stall=500ms,retry-after=1s}. {@code types} lists
     * fault ids joined by {@code +} (default: the transport faults); {@code none} or an empty profile means no faults.
     */
    public static FaultPlan parse(String profile, long seed) {
        Builder b = builder().seed(seed);
        boolean typesGiven = false;
        for (String setting : profile.split(",", -1)) {
            String s = setting.trim();
            if (s.isEmpty() || s.equals("none")) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("setting '" + s + "' is not NAME=VALUE");
            }
            String name = s.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = s.substring(eq + 1).trim();
            if (name.startsWith("faults.")) {
                String kind = name.substring("faults.".length()).toUpperCase(Locale.ROOT);
                b.probability(RequestKind.valueOf(kind), Double.parseDouble(value));
                continue;
            }
            switch (name) {
                case "faults" -> b.probability(Double.parseDouble(value));
                case "types" -> {
                    typesGiven = true;
                    b.weights.clear();
                    for (String id : value.split("\\+", -1)) {
                        b.weight(Fault.ofId(id), 1.0);
                    }
                }
                case "stall" -> b.stall(duration(value));
                case "retry-after" -> b.retryAfter(duration(value));
                case "delay" -> b.delay(duration(value));
                case "throttle" -> b.throttleRate = Double.parseDouble(value.replaceFirst("/s$", ""));
                case "burst" -> b.throttleBurst = Integer.parseInt(value);
                case "seed" -> b.seed(Long.parseLong(value));
                default ->
                    throw new IllegalArgumentException(
                            "unknown setting '" + name
                                    + "' (known: faults, faults.KIND, types, stall, retry-after, delay, throttle, burst, seed)");
            }
        }
        if (!typesGiven) {
            b.faults(TRANSPORT_FAULTS);
        }
        return b.build();
    }

    /** Parses {@code 40ms}, {@code 1.5s}, {@code 2m} or a plain number of milliseconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofNanos(Math.round(Double.parseDouble(t.substring(0, t.length() - 2)) * 1e6));
        }
        if (t.endsWith("s")) {
            return Duration.ofNanos(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1e9));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
        }
        return Duration.ofMillis(Long.parseLong(t));
    }

    private static <K extends Enum<K>> EnumMap<K, Double> copy(Map<K, Double> map, Class<K> type) {
        EnumMap<K, Double> copy = new EnumMap<>(type);
        if (map != null) {
            copy.putAll(map);
        }
        return copy;
    }

    private static Duration nonNegative(Duration d, String name, Duration fallback) {
        if (d == null) {
            return fallback;
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }

    /** Builds a {@link FaultPlan}. */
    public static final class Builder {
        private long seed;
        private final EnumMap<RequestKind, Double> probabilities = new EnumMap<>(RequestKind.class);
        private final EnumMap<Fault, Double> weights = new EnumMap<>(Fault.class);
        private Duration stall = Duration.ofSeconds(1);
        private Duration retryAfter = Duration.ofSeconds(1);
        private Duration delay = Duration.ZERO;
        private double throttleRate;
        private int throttleBurst = 1;

        private Builder() {}

        /** The seed of every draw. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Every kind of request faulted with probability {@code p}. */
        public Builder probability(double p) {
            for (RequestKind kind : RequestKind.values()) {
                probabilities.put(kind, p);
            }
            return this;
        }

        /** Requests of {@code kind} faulted with probability {@code p}. */
        public Builder probability(RequestKind kind, double p) {
            probabilities.put(Objects.requireNonNull(kind), p);
            return this;
        }

        /** Only these faults, in equal shares. */
        public Builder faults(Fault... faults) {
            return faults(List.of(faults));
        }

        /** Only these faults, in equal shares. */
        public Builder faults(Collection<Fault> faults) {
            weights.clear();
            for (Fault f : faults) {
                weights.put(f, 1.0);
            }
            return this;
        }

        /** {@code fault}'s relative weight. */
        public Builder weight(Fault fault, double weight) {
            weights.put(Objects.requireNonNull(fault), weight);
            return this;
        }

        /** How long a stall holds a response. */
        public Builder stall(Duration value) {
            stall = value;
            return this;
        }

        /** The Retry-After of injected 503/429 answers. */
        public Builder retryAfter(Duration value) {
            retryAfter = value;
            return this;
        }

        /** Latency added to every request. */
        public Builder delay(Duration value) {
            delay = value;
            return this;
        }

        /** Answers 503 SlowDown above {@code perSecond} requests a second (token bucket of {@code burst}). */
        public Builder throttle(double perSecond, int burst) {
            throttleRate = perSecond;
            throttleBurst = burst;
            return this;
        }

        /** The plan. */
        public FaultPlan build() {
            Throttle throttle = throttleRate > 0 ? new Throttle(throttleRate, throttleBurst) : null;
            return new FaultPlan(seed, probabilities, weights, stall, retryAfter, delay, throttle);
        }
    }
}
