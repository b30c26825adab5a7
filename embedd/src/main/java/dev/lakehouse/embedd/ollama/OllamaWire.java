package dev.lakehouse.embedd.ollama;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Ollama's wire format for the calls embedd makes (github.com/ollama/ollama, docs/api.md). */
public final class OllamaWire {

    private OllamaWire() {
    }

    /** {@code POST /api/embed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EmbedRequest(
            @JsonProperty("model") String model,
            @JsonProperty("input") List<String> input,
            @JsonProperty("truncate") @Nullable Boolean truncate,
            @JsonProperty("dimensions") @Nullable Integer dimensions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EmbedResponse(
            @JsonProperty("model") @Nullable String model,
            @JsonProperty("embeddings") @Nullable List<float[]> embeddings,
            @JsonProperty("total_duration") @Nullable Long totalDuration,
            @JsonProperty("load_duration") @Nullable Long loadDuration,
            @JsonProperty("prompt_eval_count") @Nullable Integer promptEvalCount) {
    }

    /** {@code GET /api/tags}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tags(@JsonProperty("models") @Nullable List<TagModel> models) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TagModel(
            @JsonProperty("name") String name,
            @JsonProperty("model") @Nullable String model,
            @JsonProperty("modified_at") @Nullable String modifiedAt,
            @JsonProperty("digest") @Nullable String digest) {
    }

    /** {@code POST /api/show}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShowRequest(@JsonProperty("model") String model) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Show(
            @JsonProperty("capabilities") @Nullable List<String> capabilities,
            @JsonProperty("model_info") @Nullable Map<String, Object> modelInfo) {
    }

    /** {@code GET /api/version}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(@JsonProperty("version") @Nullable String version) {
    }

    /** Every Ollama error body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(@JsonProperty("error") @Nullable String error) {
    }
}
