package dev.lakehouse.chatd.provider;

import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.schemas.observation.Params;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one attempt sends to one provider.
 *
 * @param model the provider's own model name (without the {@code provider/} prefix)
 * @param messages the conversation as sent: the role's system prompt first, then the client's messages
 *     (and, on a re-ask, the rejected answer and the violations)
 * @param tools OpenAI-shaped tool definitions, or null
 * @param passthrough further OpenAI fields for OpenAI-compatible providers, or null
 */
public record ProviderRequest(String model, List<Message> messages, Params params, @Nullable JsonNode tools,
        @Nullable ObjectNode passthrough) {

    public ProviderRequest {
        messages = List.copyOf(messages);
    }
}
