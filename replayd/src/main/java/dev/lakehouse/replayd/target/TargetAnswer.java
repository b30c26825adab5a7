package dev.lakehouse.replayd.target;

import dev.lakehouse.schemas.observation.Usage;
import dev.lakehouse.schemas.replay.ReplayError;
import org.jspecify.annotations.Nullable;

/**
 * What the target answered through chatd: an output, or the error chatd gave instead.
 *
 * @param role the role the prompt was sent under
 * @param latencyMs round trip of the call that answered (waits for the rate limit and retries excluded)
 */
public record TargetAnswer(
        String role,
        @Nullable String output,
        @Nullable String provider,
        @Nullable String model,
        @Nullable Double latencyMs,
        @Nullable Usage usage,
        @Nullable ReplayError error) {

    public static TargetAnswer failed(String role, @Nullable String provider, @Nullable String model, ReplayError error) {
        return new TargetAnswer(role, null, provider, model, null, null, error);
    }
}
