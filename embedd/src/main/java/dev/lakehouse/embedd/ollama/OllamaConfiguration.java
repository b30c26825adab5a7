package dev.lakehouse.embedd.ollama;

import dev.lakehouse.embedd.onnx.OnnxEmbeddingBackend;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Ollama as an external provider: not a peer service group, so it never gets the internal token. */
@Configuration(proxyBeanMethods = false)
class OllamaConfiguration {

    @Bean
    OllamaResilience ollamaResilience(OllamaProperties properties, MeterRegistry meters) {
        OllamaResilience resilience = OllamaResilience.from(properties);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(resilience.breakers()).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(resilience.retries()).bindTo(meters);
        return resilience;
    }

    @Bean
    OllamaClient ollamaClient(RestClient.Builder builder, OllamaProperties properties, OllamaResilience resilience) {
        return new OllamaClient(builder, properties, resilience);
    }

    @Bean
    OllamaEmbeddingBackend ollamaEmbeddingBackend(OllamaClient client, OllamaProperties properties) {
        return new OllamaEmbeddingBackend(client, new OllamaModels(client, properties.modelListTtl(), Clock.systemUTC()),
                OnnxEmbeddingBackend.MODEL);
    }

    /** Named so that the health component is {@code ollama}. */
    @Bean
    OllamaHealthIndicator ollamaHealthIndicator(OllamaClient client) {
        return new OllamaHealthIndicator(client, OnnxEmbeddingBackend.MODEL);
    }
}
