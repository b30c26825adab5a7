package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** One message as recorded; {@code role} is system, user, assistant or tool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(String role, String content, @Nullable String name, @Nullable String toolCallId) {

    public static ChatMessage of(String role, String content) {
        return new ChatMessage(role, content, null, null);
    }
}
