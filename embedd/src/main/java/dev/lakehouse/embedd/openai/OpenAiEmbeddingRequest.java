package dev.lakehouse.embedd.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's create-embeddings body (platform.openai.com/docs/api-reference/embeddings/create).
 * {@code input} stays a JSON node until {@link #parse()}: it may be a string, an array of
 * strings, or token arrays, which embedd refuses with a clear 400.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAiEmbeddingRequest(
        @JsonProperty("input") @Nullable JsonNode input,
        @JsonProperty("model") @Nullable String model,
        @JsonProperty("encoding_format") @Nullable String encodingFormat,
        @JsonProperty("dimensions") @Nullable Integer dimensions,
        @JsonProperty("user") @Nullable String user) {

    /**
     * A request that passed validation.
     *
     * @param model the model as requested
     * @param inputs the texts, in order
     * @param base64 whether vectors go out as base64 rather than number arrays
     * @param options dimensions, and truncation (always on here, as Ollama's default)
     */
    public record Parsed(String model, List<String> inputs, boolean base64, EmbedOptions options) {
    }

    public Parsed parse() {
        if (model == null || model.isBlank()) {
            throw EmbeddingException.invalid("model", "you must provide a model parameter");
        }
        if (dimensions != null && dimensions < 1) {
            throw EmbeddingException.invalid("dimensions", "dimensions must be at least 1, got " + dimensions);
        }
        return new Parsed(model, texts(), base64(), new EmbedOptions(dimensions, true));
    }

    private boolean base64() {
        if (encodingFormat == null || encodingFormat.equals("float")) {
            return false;
        }
        if (encodingFormat.equals("base64")) {
            return true;
        }
        throw EmbeddingException.invalid("encoding_format",
                "encoding_format must be 'float' or 'base64', got '" + encodingFormat + "'");
    }

    private List<String> texts() {
        if (input == null || input.isNull() || input.isMissingNode()) {
            throw EmbeddingException.invalid("input", "'input' is a required property");
        }
        if (input.isString()) {
            return List.of(nonEmpty(input.asString(), -1));
        }
        if (!input.isArray()) {
            throw EmbeddingException.invalid("input", "input must be a string or an array of strings");
        }
        if (input.isEmpty()) {
            throw EmbeddingException.invalid("input", "input must not be an empty array");
        }
        List<String> texts = new ArrayList<>(input.size());
        for (JsonNode item : input) {
            if (item.isNumber() || item.isArray()) {
                throw EmbeddingException.unsupported("input", "token arrays are not supported: send input as a string"
                        + " or an array of strings (embedd tokenizes with each model's own tokenizer)");
            }
            if (!item.isString()) {
                throw EmbeddingException.invalid("input", "input[" + texts.size() + "] must be a string");
            }
            texts.add(nonEmpty(item.asString(), texts.size()));
        }
        return texts;
    }

    private static String nonEmpty(String text, int index) {
        if (text.isEmpty()) {
            throw EmbeddingException.invalid("input", (index < 0 ? "input" : "input[" + index + "]") + " must not be empty");
        }
        return text;
    }
}
