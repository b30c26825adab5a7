package dev.lakehouse.replayd.compare;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/** The comparisons a run may ask for. */
public enum CompareMode {
    /** Both outputs validated against the recorded contract: pass rates, regressions, improvements. */
    @JsonProperty("validation") VALIDATION,
    /** Outputs equal after normalisation. */
    @JsonProperty("exact") EXACT,
    /** Cosine similarity of the outputs' embeddings. */
    @JsonProperty("similarity") SIMILARITY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CompareMode> fromWireName(String name) {
        for (CompareMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
