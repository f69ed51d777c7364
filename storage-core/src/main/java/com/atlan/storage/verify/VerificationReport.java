package com.atlan.storage.verify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * How a destination compares with a source under a prefix. Counts are exact; the key lists hold at most
 * {@link #MAX_KEYS} keys each, in listing order.
 *
 * @param total         objects the prefix selects at the source
 * @param matching      source objects the destination holds with the same content
 * @param missing       source objects the destination lacks
 * @param extra         destination objects the source lacks
 * @param differing     objects both hold with different content
 * @param downloaded    objects whose bytes were hashed on both sides because metadata could not decide
 * @param missingKeys   the first missing keys
 * @param extraKeys     the first extra keys
 * @param differingKeys the first differing keys
 * @param prefix        the prefix as the caller gave it
 * @param source        the source store name
 * @param destination   the destination store name
 */
@JsonPropertyOrder({
    "total",
    "matching",
    "missing",
    "extra",
    "differing",
    "downloaded",
    "missing_keys",
    "extra_keys",
    "differing_keys",
    "prefix",
    "source",
    "destination"
})
public record VerificationReport(
        @JsonProperty("total") long total,
        @JsonProperty("matching") long matching,
        @JsonProperty("missing") long missing,
        @JsonProperty("extra") long extra,
        @JsonProperty("differing") long differing,
        @JsonProperty("downloaded") long downloaded,
        @JsonProperty("missing_keys") List<String> missingKeys,
        @JsonProperty("extra_keys") List<String> extraKeys,
        @JsonProperty("differing_keys") List<String> differingKeys,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination) {

    /** The most keys listed per kind of difference. */
    public static final int MAX_KEYS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    public VerificationReport {
        missingKeys = List.copyOf(missingKeys);
        extraKeys = List.copyOf(extraKeys);
        differingKeys = List.copyOf(differingKeys);
    }

    /** Whether the destination holds exactly the source's objects with the same content. */
    @JsonIgnore
    public boolean matches() {
        return missing == 0 && extra == 0 && differing == 0;
    }

    /** This report as JSON with snake_case names. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
