package dev.lakehouse.schemas.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lakehouse.schemas.observation.Usage;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import org.jspecify.annotations.Nullable;

/**
 * One side of a replay: the recorded output or the target's.
 *
 * @param role the role the output was asked under (for the target, the role sent to chatd)
 * @param output null when there was no output (the call failed or was refused)
 * @param passed the output passed validation now; false without an output; null when not validated
 * @param recordedValid the original's verdict as recorded in its observation, for reference
 * @param error why there is no output
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplaySide(
        @Nullable String role,
        @Nullable String provider,
        @Nullable String model,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String output,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Boolean passed,
        @Nullable Boolean recordedValid,
        @Nullable ValidationVerdict validation,
        @Nullable Double latencyMs,
        @Nullable Usage usage,
        @Nullable ReplayError error) {
}
