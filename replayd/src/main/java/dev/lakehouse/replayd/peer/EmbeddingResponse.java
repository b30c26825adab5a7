package dev.lakehouse.replayd.peer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** OpenAI's embeddings response: one entry per input, with its index. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbeddingResponse(@JsonProperty("data") @Nullable List<Item> data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(@JsonProperty("index") int index, @JsonProperty("embedding") float @Nullable [] embedding) {
    }
}
