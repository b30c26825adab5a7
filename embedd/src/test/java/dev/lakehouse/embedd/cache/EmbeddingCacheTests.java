package dev.lakehouse.embedd.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingVector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class EmbeddingCacheTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void evictionKeepsTheCacheWithinItsByteBound() {
        EmbeddingCache cache = new EmbeddingCache(new CacheProperties(DataSize.ofKilobytes(100)), meters);

        for (int i = 0; i < 200; i++) {
            put(cache, "text " + i);
        }
        cache.cleanUp();

        assertThat(cache.weightedSize()).isPositive().isLessThanOrEqualTo(DataSize.ofKilobytes(100).toBytes());
        assertThat(cache.evictionCount()).isPositive();
        assertThat(meters.get("lakehouse.embedd.cache.evictions").functionCounter().count()).isPositive();
        assertThat(meters.get("lakehouse.embedd.cache.bytes").gauge().value()).isEqualTo(cache.weightedSize());
    }

    @Test
    void anEntryWeighsItsEncodedBytes() {
        CachedEmbedding embedding = CachedEmbedding.of(new EmbeddingVector(randomVector(384), 4));

        assertThat(embedding.weight()).isEqualTo(embedding.json().length + embedding.base64().length
                + CachedEmbedding.ENTRY_OVERHEAD_BYTES);
        assertThat(embedding.base64()).hasSize(2048);
    }

    @Test
    void aComputedEntryIsReadyAndAFailedOneLeavesNothing() {
        EmbeddingCache cache = new EmbeddingCache(new CacheProperties(DataSize.ofMegabytes(1)), meters);
        CacheKey ok = put(cache, "ok");
        CacheKey failed = CacheKey.of("m", EmbedOptions.DEFAULT, "failed");

        cache.getAll(Set.of(failed), keys -> CompletableFuture.failedFuture(new IllegalStateException("backend down")))
                .exceptionally(error -> Map.of()).join();

        assertThat(cache.getIfReady(ok)).isNotNull();
        assertThat(cache.getIfReady(failed)).isNull();
    }

    private static CacheKey put(EmbeddingCache cache, String text) {
        CacheKey key = CacheKey.of("m", EmbedOptions.DEFAULT, text);
        CachedEmbedding value = CachedEmbedding.of(new EmbeddingVector(randomVector(384), 3));
        cache.getAll(Set.of(key), keys -> CompletableFuture.completedFuture(Map.of(key, value))).join();
        return key;
    }

    private static float[] randomVector(int dimensions) {
        Random random = new Random(dimensions);
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian() / 20;
        }
        return vector;
    }
}
