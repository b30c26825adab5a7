package dev.lakehouse.schemas.verdict;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much a violation matters: only {@link #ERROR} makes a verdict invalid. */
public enum Severity {
    @JsonProperty("error") ERROR,
    @JsonProperty("warning") WARNING,
    @JsonProperty("info") INFO
}
