package dev.lakehouse.replayd.peer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** OpenAI's chat completion request (platform.openai.com/docs/api-reference/chat/create), not streamed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        @JsonProperty("model") @Nullable String model,
        @JsonProperty("messages") List<Message> messages,
        @JsonProperty("temperature") @Nullable Double temperature,
        @JsonProperty("top_p") @Nullable Double topP,
        @JsonProperty("max_tokens") @Nullable Integer maxTokens,
        @JsonProperty("stop") @Nullable List<String> stop,
        @JsonProperty("seed") @Nullable Long seed,
        @JsonProperty("stream") boolean stream) {

    /** One message; {@code tool_call_id} only on tool messages. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(
            @JsonProperty("role") String role,
            @JsonProperty("content") String content,
            @JsonProperty("name") @Nullable String name,
            @JsonProperty("tool_call_id") @Nullable String toolCallId) {
    }
}
