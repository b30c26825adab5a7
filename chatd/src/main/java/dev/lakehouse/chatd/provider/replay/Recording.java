package dev.lakehouse.chatd.provider.replay;

import dev.lakehouse.schemas.observation.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A recorded answer: what the client got, and from which observation. */
public record Recording(String observationId, String content, @Nullable String finishReason,
        @Nullable JsonNode toolCalls, @Nullable Usage usage) {
}
