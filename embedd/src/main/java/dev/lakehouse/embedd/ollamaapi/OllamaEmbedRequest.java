package dev.lakehouse.embedd.ollamaapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Ollama's {@code POST /api/embed} body (docs/api.md). {@code options} and {@code keep_alive}
 * are accepted for compatibility and not used: they tune how Ollama keeps a model loaded,
 * which the cache makes moot for repeated inputs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OllamaEmbedRequest(
        @JsonProperty("model") @Nullable String model,
        @JsonProperty("input") @Nullable JsonNode input,
        @JsonProperty("truncate") @Nullable Boolean truncate,
        @JsonProperty("dimensions") @Nullable Integer dimensions,
        @JsonProperty("options") @Nullable JsonNode options,
        @JsonProperty("keep_alive") @Nullable JsonNode keepAlive) {

    /**
     * A request that passed validation.
     *
     * @param model the model as requested
     * @param inputs the texts, in order; empty when the request had none (Ollama answers no embeddings)
     * @param options dimensions (absent when 0, as in Ollama) and truncation (default true)
     */
    public record Parsed(String model, List<String> inputs, EmbedOptions options) {
    }

    public Parsed parse() {
        if (model == null || model.isBlank()) {
            throw EmbeddingException.invalid("model", "model is required");
        }
        Integer wanted = dimensions == null || dimensions <= 0 ? null : dimensions;
        return new Parsed(model, texts(), new EmbedOptions(wanted, truncate == null || truncate));
    }

    /** As Ollama: a string (an empty one means no input) or an array of strings. */
    private List<String> texts() {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return List.of();
        }
        if (input.isString()) {
            return input.asString().isEmpty() ? List.of() : List.of(input.asString());
        }
        if (!input.isArray()) {
            throw EmbeddingException.invalid("input", "invalid input type: input must be a string or an array of strings");
        }
        List<String> texts = new ArrayList<>(input.size());
        for (JsonNode item : input) {
            if (!item.isString()) {
                throw EmbeddingException.invalid("input", "invalid input type: input[" + texts.size()
                        + "] is not a string (token arrays are not supported)");
            }
            texts.add(item.asString());
        }
        return texts;
    }
}
