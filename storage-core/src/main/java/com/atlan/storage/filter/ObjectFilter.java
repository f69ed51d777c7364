package com.atlan.storage.filter;

import com.atlan.storage.store.ObjectInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which listed objects a command works on, by key, size and age, with rclone's rules: include and exclude globs
 * ({@link KeyGlob}) are tried in order, includes first, and the first that matches decides; when any include is
 * given, a key no glob matches is excluded, otherwise it is included. Sizes are inclusive bounds; ages are bounds on
 * the modification time, fixed when the filter is built. An object whose store reports no modification time fails
 * every age bound.
 *
 * <p>Filters apply to the source listing before planning, so an object filtered out is neither copied nor counted.
 * Immutable and thread-safe.
 */
public final class ObjectFilter implements Predicate<ObjectInfo> {

    /** Selects every object. */
    public static final ObjectFilter ALL = new Builder().build();

    private record Rule(boolean include, KeyGlob glob) {}

    private final List<Rule> rules;
    private final boolean excludeUnmatched;
    private final long minSize;
    private final long maxSize;
    private final Instant modifiedAfter;
    private final Instant modifiedBefore;

    private ObjectFilter(Builder b) {
        List<Rule> ordered = new ArrayList<>();
        b.includes.forEach(g -> ordered.add(new Rule(true, g)));
        b.excludes.forEach(g -> ordered.add(new Rule(false, g)));
        this.rules = List.copyOf(ordered);
        this.excludeUnmatched = !b.includes.isEmpty();
        this.minSize = b.minSize;
        this.maxSize = b.maxSize;
        this.modifiedAfter = b.modifiedAfter;
        this.modifiedBefore = b.modifiedBefore;
        if (minSize > maxSize) {
            throw new IllegalArgumentException("the minimum size " + minSize + " is above the maximum " + maxSize);
        }
        if (modifiedAfter != null && modifiedBefore != null && modifiedAfter.isAfter(modifiedBefore)) {
            throw new IllegalArgumentException("the age bounds select nothing: modified after " + modifiedAfter
                    + " and before " + modifiedBefore + " (is --min-age larger than --max-age?)");
        }
    }

    /** A builder that selects everything until told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether {@code object} is selected. */
    @Override
    public boolean test(ObjectInfo object) {
        if (object.size() < minSize || object.size() > maxSize) {
            return false;
        }
        if (modifiedAfter != null || modifiedBefore != null) {
            Instant t = object.lastModified();
            if (t == null
                    || (modifiedAfter != null && t.isBefore(modifiedAfter))
                    || (modifiedBefore != null && t.isAfter(modifiedBefore))) {
                return false;
            }
        }
        return selectsKey(object.key());
    }

    /** Whether the globs alone select {@code key}. */
    public boolean selectsKey(String key) {
        for (Rule rule : rules) {
            if (rule.glob().matches(key)) {
                return rule.include();
            }
        }
        return !excludeUnmatched;
    }

    /** Whether this filter selects every object. */
    public boolean selectsAll() {
        return rules.isEmpty()
                && minSize == 0
                && maxSize == Long.MAX_VALUE
                && modifiedAfter == null
                && modifiedBefore == null;
    }

    /** The rules in words, for logs: e.g. {@code include *.csv, exclude tmp/, size >= 1024}. */
    @Override
    public String toString() {
        if (selectsAll()) {
            return "everything";
        }
        List<String> parts = new ArrayList<>();
        rules.forEach(r -> parts.add((r.include() ? "include " : "exclude ") + r.glob()));
        if (minSize > 0) {
            parts.add("size >= " + minSize);
        }
        if (maxSize < Long.MAX_VALUE) {
            parts.add("size <= " + maxSize);
        }
        if (modifiedAfter != null) {
            parts.add("modified at or after " + modifiedAfter);
        }
        if (modifiedBefore != null) {
            parts.add("modified at or before " + modifiedBefore);
        }
        return String.join(", ", parts);
    }

    /** Builds an {@link ObjectFilter}. */
    public static final class Builder {
        private final List<KeyGlob> includes = new ArrayList<>();
        private final List<KeyGlob> excludes = new ArrayList<>();
        private long minSize;
        private long maxSize = Long.MAX_VALUE;
        private Instant modifiedAfter;
        private Instant modifiedBefore;

        private Builder() {}

        /** Selects keys matching {@code glob} (see {@link KeyGlob}); once any include is given, only those. */
        public Builder include(String glob) {
            includes.add(KeyGlob.compile(glob));
            return this;
        }

        /** Leaves out keys matching {@code glob}, unless an include matched first. */
        public Builder exclude(String glob) {
            excludes.add(KeyGlob.compile(glob));
            return this;
        }

        /** Only objects of at least {@code bytes}. */
        public Builder minSize(long bytes) {
            this.minSize = Math.max(0, bytes);
            return this;
        }

        /** Only objects of at most {@code bytes}. */
        public Builder maxSize(long bytes) {
            this.maxSize = bytes;
            return this;
        }

        /** Only objects modified at or after {@code time} (rclone's {@code --max-age}). */
        public Builder modifiedAfter(Instant time) {
            this.modifiedAfter = time;
            return this;
        }

        /** Only objects modified at or before {@code time} (rclone's {@code --min-age}). */
        public Builder modifiedBefore(Instant time) {
            this.modifiedBefore = time;
            return this;
        }

        /**
         * The filter.
         *
         * @throws IllegalArgumentException when the bounds select nothing
         */
        public ObjectFilter build() {
            return new ObjectFilter(this);
        }
    }
}
