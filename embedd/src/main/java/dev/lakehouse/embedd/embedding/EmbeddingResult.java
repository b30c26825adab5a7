package dev.lakehouse.embedd.embedding;

import dev.lakehouse.embedd.cache.CachedEmbedding;
import java.util.List;

/**
 * The embeddings of one request, in input order.
 *
 * @param embeddings one per input
 * @param cacheStatus how much the cache answered
 */
public record EmbeddingResult(List<CachedEmbedding> embeddings, CacheStatus cacheStatus) {

    /** Tokens the model read for all inputs: the tokenizer's count, or Ollama's {@code prompt_eval_count}. */
    public int promptTokens() {
        int tokens = 0;
        for (CachedEmbedding embedding : embeddings) {
            tokens += embedding.tokens();
        }
        return tokens;
    }
}
