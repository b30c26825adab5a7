package dev.lakehouse.embedd.ollamaapi;

import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.cache.CachedEmbedding;
import dev.lakehouse.embedd.embedding.EmbeddingResult;
import dev.lakehouse.embedd.embedding.JsonBytes;
import java.util.List;

/**
 * Ollama's wire format: {@code {"model","embeddings":[[...]],"total_duration","prompt_eval_count"}}
 * (embeddings always 2-D, durations in nanoseconds, zero fields omitted as Ollama's
 * {@code omitempty} does), and errors as {@code {"error":"..."}}.
 */
public final class OllamaEmbedResponses {

    private static final byte[] MODEL = JsonBytes.ascii("{\"model\":");
    private static final byte[] EMBEDDINGS = JsonBytes.ascii(",\"embeddings\":[");
    private static final byte[] TOTAL_DURATION = JsonBytes.ascii("],\"total_duration\":");
    private static final byte[] PROMPT_EVAL_COUNT = JsonBytes.ascii(",\"prompt_eval_count\":");

    private OllamaEmbedResponses() {
    }

    /**
     * @param totalNanos how long embedd took for the request (there is no model to load: load_duration is 0)
     */
    public static byte[] embed(String model, EmbeddingResult result, long totalNanos) {
        List<CachedEmbedding> embeddings = result.embeddings();
        if (embeddings.isEmpty()) {
            return new JsonBytes(64 + model.length() * 6).raw(MODEL).string(model)
                    .raw(JsonBytes.ascii(",\"embeddings\":[]}")).toByteArray();
        }
        int size = 128 + model.length() * 6;
        for (CachedEmbedding embedding : embeddings) {
            size += embedding.json().length + 1;
        }
        JsonBytes json = new JsonBytes(size).raw(MODEL).string(model).raw(EMBEDDINGS);
        for (int i = 0; i < embeddings.size(); i++) {
            if (i > 0) {
                json.character(',');
            }
            json.raw(embeddings.get(i).json());
        }
        json.raw(TOTAL_DURATION).number(Math.max(1, totalNanos));
        int tokens = result.promptTokens();
        if (tokens > 0) {
            json.raw(PROMPT_EVAL_COUNT).number(tokens);
        }
        return json.character('}').toByteArray();
    }

    public static byte[] error(EmbeddingException error) {
        return error(String.valueOf(error.getMessage()));
    }

    public static byte[] error(String message) {
        return new JsonBytes(message.length() + 16).raw(JsonBytes.ascii("{\"error\":")).string(message).character('}')
                .toByteArray();
    }
}
