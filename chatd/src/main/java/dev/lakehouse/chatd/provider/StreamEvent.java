package dev.lakehouse.chatd.provider;

import dev.lakehouse.schemas.observation.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One piece of a streamed answer, in provider-neutral terms: some text, tool-call deltas
 * (OpenAI-shaped), a finish reason, or usage. Any field may be empty.
 */
public record StreamEvent(String text, @Nullable JsonNode toolCalls, @Nullable String finishReason,
        @Nullable Usage usage) {

    public static StreamEvent text(String text) {
        return new StreamEvent(text, null, null, null);
    }

    public static StreamEvent finish(@Nullable String finishReason, @Nullable Usage usage) {
        return new StreamEvent("", null, finishReason, usage);
    }

    /** Carries something the client sees (text or a tool call), as opposed to bookkeeping. */
    public boolean hasContent() {
        return !text.isEmpty() || toolCalls != null;
    }
}
