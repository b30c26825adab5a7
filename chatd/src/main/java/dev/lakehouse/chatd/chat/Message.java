package dev.lakehouse.chatd.chat;

import dev.lakehouse.schemas.observation.ChatMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One chat message as chatd handles it, whatever surface it came from: its text content
 * and, for tool use, the OpenAI-shaped {@code tool_calls} array or the id of the call it answers.
 *
 * @param role system, user, assistant or tool
 * @param toolFailed a tool message whose tool failed (Anthropic's {@code is_error}); passed on to
 *     the providers that can say so (Anthropic, Gemini), the content alone elsewhere
 */
public record Message(String role, String content, @Nullable String name, @Nullable String toolCallId,
        @Nullable JsonNode toolCalls, boolean toolFailed) {

    public Message(String role, String content, @Nullable String name, @Nullable String toolCallId,
            @Nullable JsonNode toolCalls) {
        this(role, content, name, toolCallId, toolCalls, false);
    }

    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String TOOL = "tool";

    public static Message of(String role, String content) {
        return new Message(role, content, null, null, null);
    }

    /** The message as an observation records it. */
    public ChatMessage toRecord() {
        return new ChatMessage(role, content, name, toolCallId);
    }
}
