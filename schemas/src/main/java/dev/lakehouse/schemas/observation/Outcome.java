package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the client got, in one word. */
public enum Outcome {
    /** A valid output was returned. */
    @JsonProperty("ok") OK,
    /** An invalid output was returned because the role's policy is {@code flag}. */
    @JsonProperty("flagged") FLAGGED,
    /** Every output was invalid and the policy refused to return one. */
    @JsonProperty("rejected") REJECTED,
    /** No provider answered. */
    @JsonProperty("failed") FAILED,
    /** The gate refused the role for the caller's key. */
    @JsonProperty("denied") DENIED,
    /** The client went away before the answer was complete. */
    @JsonProperty("cancelled") CANCELLED
}
