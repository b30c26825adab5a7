package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one attempt at one provider ended. */
public enum AttemptStatus {
    @JsonProperty("ok") OK,
    /** The output broke the role's contract. */
    @JsonProperty("invalid") INVALID,
    /** The output looked like another role's. */
    @JsonProperty("bleed") BLEED,
    @JsonProperty("error") ERROR,
    @JsonProperty("timeout") TIMEOUT,
    @JsonProperty("circuit_open") CIRCUIT_OPEN,
    @JsonProperty("bulkhead_full") BULKHEAD_FULL,
    /** The provider refused the request itself (a 4xx that retrying cannot fix). */
    @JsonProperty("client_error") CLIENT_ERROR,
    /** A stream ended without its terminal event. */
    @JsonProperty("stream_cut") STREAM_CUT
}
