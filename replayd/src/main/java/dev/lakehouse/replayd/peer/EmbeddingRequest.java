package dev.lakehouse.replayd.peer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OpenAI's {@code POST /v1/embeddings} request with a batch of inputs and float output. */
public record EmbeddingRequest(
        @JsonProperty("model") String model,
        @JsonProperty("input") List<String> input,
        @JsonProperty("encoding_format") String encodingFormat) {

    public static EmbeddingRequest of(String model, List<String> input) {
        return new EmbeddingRequest(model, input, "float");
    }
}
