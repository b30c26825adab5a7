package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Sampling parameters the client set; absent ones were left to the provider. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Params(
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Integer maxTokens,
        @Nullable List<String> stop,
        @Nullable Long seed,
        @Nullable List<JsonNode> tools) {
}
