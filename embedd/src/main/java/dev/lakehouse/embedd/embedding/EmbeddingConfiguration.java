package dev.lakehouse.embedd.embedding;

import dev.lakehouse.embedd.backend.ModelRegistry;
import dev.lakehouse.embedd.batching.BatchMetrics;
import dev.lakehouse.embedd.batching.BatchingProperties;
import dev.lakehouse.embedd.batching.MicroBatcher;
import dev.lakehouse.embedd.cache.CacheProperties;
import dev.lakehouse.embedd.cache.EmbeddingCache;
import dev.lakehouse.embedd.ollama.OllamaEmbeddingBackend;
import dev.lakehouse.embedd.ollama.OllamaProperties;
import dev.lakehouse.embedd.onnx.OnnxEmbeddingBackend;
import dev.lakehouse.embedd.onnx.OnnxProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts registry, cache, batchers and backends together. */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    /** The in-process model first: it names only its own models; Ollama takes every other name. */
    @Bean
    ModelRegistry modelRegistry(OnnxEmbeddingBackend onnx, OllamaEmbeddingBackend ollama) {
        return new ModelRegistry(List.of(onnx, ollama));
    }

    @Bean
    EmbeddingCache embeddingCache(CacheProperties properties, MeterRegistry meters) {
        return new EmbeddingCache(properties, meters);
    }

    @Bean
    BatchMetrics batchMetrics(MeterRegistry meters) {
        return new BatchMetrics(meters);
    }

    /** CPU-bound inference on platform threads, one per core by default: never on the (virtual) request threads. */
    @Bean(destroyMethod = "close")
    MicroBatcher onnxBatcher(OnnxEmbeddingBackend onnx, OnnxProperties properties, BatchingProperties batching,
            BatchMetrics metrics) {
        return new MicroBatcher(onnx, properties.effectiveThreads(),
                Thread.ofPlatform().name("onnx-inference-", 0).daemon().factory(), batching, metrics);
    }

    /** I/O-bound calls on virtual threads; their number bounds the calls in flight to Ollama. */
    @Bean(destroyMethod = "close")
    MicroBatcher ollamaBatcher(OllamaEmbeddingBackend ollama, OllamaProperties properties, BatchingProperties batching,
            BatchMetrics metrics) {
        return new MicroBatcher(ollama, properties.maxConcurrentRequests(),
                Thread.ofVirtual().name("ollama-call-", 0).factory(), batching, metrics);
    }

    @Bean
    EmbeddingService embeddingService(ModelRegistry registry, EmbeddingCache cache, OnnxEmbeddingBackend onnx,
            MicroBatcher onnxBatcher, OllamaEmbeddingBackend ollama, MicroBatcher ollamaBatcher) {
        return new EmbeddingService(registry, cache, Map.of(onnx.name(), onnxBatcher, ollama.name(), ollamaBatcher));
    }

    @Bean
    InputLimits inputLimits(LimitsProperties limits) {
        return new InputLimits(limits);
    }
}
