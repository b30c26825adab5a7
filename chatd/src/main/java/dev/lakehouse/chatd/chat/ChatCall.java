package dev.lakehouse.chatd.chat;

import dev.lakehouse.schemas.observation.Params;
import dev.lakehouse.schemas.observation.Surface;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat request in chatd's own terms, parsed from one of the three surfaces.
 *
 * @param role the role asked for ({@code X-Lakehouse-Role} or {@code lakehouse.role}), {@code default} when none
 * @param contract the contract the client expects ({@code lakehouse.contract}), null when it did not say
 * @param model the model as the client named it, null to use the role's chain
 * @param messages the client's messages, without the role's system prompt
 * @param tools OpenAI-shaped tool definitions, passed to providers that take them
 * @param passthrough further OpenAI fields (response_format, tool_choice, ...) sent as they are to
 *     OpenAI-compatible providers
 * @param includeStreamUsage the client asked for a final usage chunk ({@code stream_options.include_usage})
 */
public record ChatCall(
        Surface surface,
        String role,
        @Nullable String contract,
        @Nullable String model,
        List<Message> messages,
        Params params,
        @Nullable JsonNode tools,
        @Nullable ObjectNode passthrough,
        boolean stream,
        boolean includeStreamUsage) {

    public ChatCall {
        messages = List.copyOf(messages);
    }
}
