package dev.lakehouse.chatd.provider;

import dev.lakehouse.schemas.observation.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A complete answer of a provider.
 *
 * @param finishReason in OpenAI's vocabulary: stop, length, tool_calls, content_filter
 * @param toolCalls OpenAI-shaped {@code tool_calls} array, or null
 * @param usage as the provider reported it, or estimated (and marked so)
 */
public record ProviderReply(String content, @Nullable String finishReason, @Nullable JsonNode toolCalls, Usage usage,
        int httpStatus) {
}
