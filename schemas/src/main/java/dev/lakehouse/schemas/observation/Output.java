package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The final output returned to the client. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Output(String content, @Nullable String finishReason, @Nullable List<JsonNode> toolCalls) {
}
