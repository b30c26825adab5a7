package dev.lakehouse.embedd.testing;

import dev.lakehouse.embedd.backend.ModelRegistry;
import dev.lakehouse.embedd.batching.BatchMetrics;
import dev.lakehouse.embedd.batching.BatchingProperties;
import dev.lakehouse.embedd.batching.MicroBatcher;
import dev.lakehouse.embedd.cache.CacheProperties;
import dev.lakehouse.embedd.cache.EmbeddingCache;
import dev.lakehouse.embedd.embedding.EmbeddingService;
import dev.lakehouse.embedd.ollama.OllamaClient;
import dev.lakehouse.embedd.ollama.OllamaEmbeddingBackend;
import dev.lakehouse.embedd.ollama.OllamaModels;
import dev.lakehouse.embedd.ollama.OllamaProperties;
import dev.lakehouse.embedd.ollama.OllamaResilience;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

/**
 * The real service, cache, batcher and Ollama backend wired by hand over a (fake) Ollama, for
 * tests that count what reaches the backend.
 */
public record EmbeddingStack(EmbeddingService service, EmbeddingCache cache, MicroBatcher batcher,
        OllamaEmbeddingBackend backend, SimpleMeterRegistry meters) implements AutoCloseable {

    public static EmbeddingStack overOllama(URI baseUrl, BatchingProperties batching, int workers, DataSize cacheSize) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OllamaProperties properties = OllamaTestProperties.of(baseUrl);
        OllamaClient client = new OllamaClient(RestClient.builder(), properties, OllamaResilience.from(properties));
        OllamaEmbeddingBackend backend = new OllamaEmbeddingBackend(client,
                new OllamaModels(client, Duration.ofSeconds(30), Clock.systemUTC()), "all-minilm");
        EmbeddingCache cache = new EmbeddingCache(new CacheProperties(cacheSize), meters);
        MicroBatcher batcher = new MicroBatcher(backend, workers, Thread.ofVirtual().factory(), batching,
                new BatchMetrics(meters));
        EmbeddingService service = new EmbeddingService(new ModelRegistry(List.of(backend)), cache,
                Map.of(backend.name(), batcher));
        return new EmbeddingStack(service, cache, batcher, backend, meters);
    }

    public static EmbeddingStack overOllama(URI baseUrl) {
        return overOllama(baseUrl, batching(true, 32), 4, DataSize.ofMegabytes(16));
    }

    public static BatchingProperties batching(boolean enabled, int maxBatchSize) {
        return new BatchingProperties(enabled, maxBatchSize, Duration.ZERO, 8192);
    }

    public double counter(String name) {
        return meters.get(name).counter().count();
    }

    @Override
    public void close() {
        batcher.close();
    }
}
