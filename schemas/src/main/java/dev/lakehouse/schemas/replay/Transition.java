package dev.lakehouse.schemas.replay;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Validation outcome of the recorded output, then of the target's. */
public enum Transition {
    @JsonProperty("still_passes") STILL_PASSES,
    /** Passed before, fails now. */
    @JsonProperty("regressed") REGRESSED,
    /** Failed before, passes now. */
    @JsonProperty("improved") IMPROVED,
    @JsonProperty("still_fails") STILL_FAILS;

    public static Transition of(boolean originalPassed, boolean targetPassed) {
        if (originalPassed) {
            return targetPassed ? STILL_PASSES : REGRESSED;
        }
        return targetPassed ? IMPROVED : STILL_FAILS;
    }
}
