package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lakehouse.schemas.verdict.Violation;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One call to one provider, kept whatever its outcome. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attempt(
        int n,
        String provider,
        String model,
        Instant startedAt,
        double latencyMs,
        @Nullable Double firstByteMs,
        AttemptStatus status,
        @Nullable Integer httpStatus,
        @Nullable String error,
        @Nullable Boolean reask,
        @Nullable String output,
        @Nullable Usage usage,
        @Nullable List<Violation> violations) {
}
