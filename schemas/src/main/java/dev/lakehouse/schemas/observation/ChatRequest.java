package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the client asked.
 *
 * @param model the model as the client named it, or null when the role's chain chose
 * @param systemPrompt the role's system prompt that chatd prepended, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(
        @Nullable String model,
        @Nullable String systemPrompt,
        List<ChatMessage> messages,
        @Nullable Params params) {

    public ChatRequest {
        messages = List.copyOf(messages);
    }
}
