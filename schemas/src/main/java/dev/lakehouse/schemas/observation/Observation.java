package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mirrors {@code lakehouse.observation/v1}: one chat call through chatd, every attempt included. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Observation(
        String schema,
        String id,
        Instant ts,
        @Nullable Instant completedAt,
        double durationMs,
        String requestId,
        @Nullable String instance,
        @Nullable String keyId,
        String role,
        String contract,
        Surface surface,
        boolean stream,
        ChatRequest request,
        List<Attempt> attempts,
        Outcome outcome,
        @Nullable String provider,
        @Nullable String model,
        @Nullable Output output,
        @Nullable Usage usage,
        @Nullable Gate gate,
        @Nullable ValidationVerdict validation,
        @Nullable ErrorInfo error) {

    public static final String SCHEMA = "lakehouse.observation/v1";

    public Observation {
        attempts = List.copyOf(attempts);
    }
}
