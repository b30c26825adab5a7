package dev.lakehouse.embedd.embedding;

import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.backend.ModelRegistry;
import dev.lakehouse.embedd.backend.ResolvedModel;
import dev.lakehouse.embedd.backend.UnknownModelException;
import dev.lakehouse.embedd.batching.MicroBatcher;
import dev.lakehouse.embedd.cache.CacheKey;
import dev.lakehouse.embedd.cache.CachedEmbedding;
import dev.lakehouse.embedd.cache.EmbeddingCache;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Embeds a request's inputs: each input is looked up in the cache; the misses (minus those
 * another request is already computing) go to the model's backend in one job, where they
 * may join other requests' misses in one batch; results come back in input order.
 */
public class EmbeddingService {

    private final ModelRegistry registry;
    private final EmbeddingCache cache;
    private final Map<String, MicroBatcher> batchers;

    public EmbeddingService(ModelRegistry registry, EmbeddingCache cache, Map<String, MicroBatcher> batchersByBackend) {
        this.registry = registry;
        this.cache = cache;
        this.batchers = Map.copyOf(batchersByBackend);
    }

    /** Throws {@link EmbeddingException} with the status the caller should see. */
    public EmbeddingResult embed(String requestedModel, List<String> inputs, EmbedOptions requestedOptions) {
        ResolvedModel model = registry.resolve(requestedModel);
        EmbedOptions options = model.backend().normalize(model.canonical(), requestedOptions);
        int count = inputs.size();
        CachedEmbedding[] embeddings = new CachedEmbedding[count];
        CacheKey[] keys = new CacheKey[count];
        int hits = 0;
        for (int i = 0; i < count; i++) {
            keys[i] = CacheKey.of(model.canonical(), options, inputs.get(i));
            CachedEmbedding cached = cache.getIfReady(keys[i]);
            if (cached != null) {
                embeddings[i] = cached;
                hits++;
            }
        }
        cache.recordHits(hits);
        if (hits < count) {
            cache.recordMisses(count - hits);
            fillMisses(model, options, inputs, keys, embeddings);
        }
        return new EmbeddingResult(Arrays.asList(embeddings), CacheStatus.of(hits, count));
    }

    private void fillMisses(ResolvedModel model, EmbedOptions options, List<String> inputs, CacheKey[] keys,
            CachedEmbedding[] embeddings) {
        Map<CacheKey, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (embeddings[i] == null) {
                missing.putIfAbsent(keys[i], inputs.get(i));
            }
        }
        Map<CacheKey, CachedEmbedding> loaded = await(model,
                cache.getAll(missing.keySet(), notInFlight -> compute(model, options, notInFlight, missing)));
        for (int i = 0; i < inputs.size(); i++) {
            if (embeddings[i] == null) {
                embeddings[i] = loaded.get(keys[i]);
                if (embeddings[i] == null) {
                    throw EmbeddingException.backendError(model.backend().name() + " returned no embedding for input " + i);
                }
            }
        }
    }

    private CompletableFuture<Map<CacheKey, CachedEmbedding>> compute(ResolvedModel model, EmbedOptions options,
            Set<? extends CacheKey> keys, Map<CacheKey, String> texts) {
        // In input order: the backend sees texts as the caller sent them.
        List<CacheKey> order = texts.keySet().stream().filter(keys::contains).toList();
        List<String> batch = order.stream().map(texts::get).toList();
        MicroBatcher batcher = batchers.get(model.backend().name());
        return batcher.submit(model.canonical(), batch, options).thenApply(vectors -> {
            Map<CacheKey, CachedEmbedding> computed = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                computed.put(order.get(i), CachedEmbedding.of(vectors.get(i)));
            }
            return computed;
        });
    }

    private Map<CacheKey, CachedEmbedding> await(ResolvedModel model, CompletableFuture<Map<CacheKey, CachedEmbedding>> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof UnknownModelException) {
                throw registry.unknownModel(model.requested());
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
