package dev.lakehouse.embedd.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Embeddings by {@link CacheKey}, bounded by bytes (Caffeine, W-TinyLFU). The cache holds
 * futures: a miss being computed is already in it, so identical concurrent misses share one
 * computation (single-flight), and a failed computation leaves nothing behind.
 */
public class EmbeddingCache {

    private final AsyncCache<CacheKey, CachedEmbedding> cache;
    private final Policy.Eviction<CacheKey, CachedEmbedding> eviction;
    private final Counter hits;
    private final Counter misses;
    private final LongAdder evictions = new LongAdder();

    public EmbeddingCache(CacheProperties properties, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((CacheKey key, CachedEmbedding value) -> value.weight())
                .evictionListener((key, value, cause) -> {
                    if (cause.wasEvicted()) {
                        evictions.increment();
                    }
                })
                .buildAsync();
        this.eviction = cache.synchronous().policy().eviction().orElseThrow();
        this.hits = Counter.builder("lakehouse.embedd.cache.hits").description("inputs served from the cache")
                .register(registry);
        this.misses = Counter.builder("lakehouse.embedd.cache.misses")
                .description("inputs not in the cache (computed, or joined a computation in flight)").register(registry);
        FunctionCounter.builder("lakehouse.embedd.cache.evictions", evictions, LongAdder::sum)
                .description("entries evicted to stay within the byte bound").register(registry);
        Gauge.builder("lakehouse.embedd.cache.bytes", this, EmbeddingCache::weightedSize).baseUnit("bytes")
                .description("bytes the cached embeddings take").register(registry);
        Gauge.builder("lakehouse.embedd.cache.max.bytes", eviction, e -> e.getMaximum()).baseUnit("bytes")
                .description("the cache's byte bound").register(registry);
        Gauge.builder("lakehouse.embedd.cache.entries", cache, c -> c.synchronous().estimatedSize())
                .description("cached embeddings").register(registry);
    }

    /** The embedding when it is cached and computed; null when absent or still being computed. */
    public @Nullable CachedEmbedding getIfReady(CacheKey key) {
        CompletableFuture<CachedEmbedding> future = cache.getIfPresent(key);
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return null;
        }
        return future.getNow(null);
    }

    /**
     * The embeddings of {@code keys}: those cached or in flight are shared, the rest are
     * loaded together by {@code loader}, which gets only the keys nobody is computing yet.
     */
    public CompletableFuture<Map<CacheKey, CachedEmbedding>> getAll(Set<CacheKey> keys,
            Function<Set<? extends CacheKey>, CompletableFuture<Map<CacheKey, CachedEmbedding>>> loader) {
        return cache.getAll(keys, (missing, executor) -> loader.apply(missing));
    }

    public void recordHits(int count) {
        if (count > 0) {
            hits.increment(count);
        }
    }

    public void recordMisses(int count) {
        if (count > 0) {
            misses.increment(count);
        }
    }

    /** Bytes the entries take now. */
    public long weightedSize() {
        return eviction.weightedSize().orElse(0);
    }

    public long maximumBytes() {
        return eviction.getMaximum();
    }

    public long evictionCount() {
        return evictions.sum();
    }

    /** Runs pending maintenance (eviction) now; the cache otherwise does it on its own schedule. */
    public void cleanUp() {
        cache.synchronous().cleanUp();
    }
}
