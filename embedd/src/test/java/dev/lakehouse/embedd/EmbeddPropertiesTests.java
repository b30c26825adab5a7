package dev.lakehouse.embedd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.embedd.batching.BatchingProperties;
import dev.lakehouse.embedd.cache.CacheProperties;
import dev.lakehouse.embedd.embedding.LimitsProperties;
import dev.lakehouse.embedd.ollama.OllamaProperties;
import dev.lakehouse.embedd.onnx.OnnxProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class EmbeddPropertiesTests {

    @EnableConfigurationProperties({LimitsProperties.class, CacheProperties.class, BatchingProperties.class,
            OnnxProperties.class, OllamaProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            assertThat(context.getBean(LimitsProperties.class)).isEqualTo(new LimitsProperties(2048, 32768));
            assertThat(context.getBean(CacheProperties.class).maxSize()).isEqualTo(DataSize.ofMegabytes(256));
            assertThat(context.getBean(BatchingProperties.class))
                    .isEqualTo(new BatchingProperties(true, 32, Duration.ZERO, 8192));
            assertThat(context.getBean(OnnxProperties.class)).isEqualTo(new OnnxProperties(0, 1024));
            OllamaProperties ollama = context.getBean(OllamaProperties.class);
            assertThat(ollama.baseUrl()).isEqualTo(URI.create("http://localhost:11434"));
            assertThat(ollama.readTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(ollama.retry().maxAttempts()).isEqualTo(3);
            assertThat(ollama.circuitBreaker().waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void everySettingCanBeOverridden() {
        runner.withPropertyValues("lakehouse.embedd.limits.max-inputs=16", "lakehouse.embedd.cache.max-size=1GB",
                "lakehouse.embedd.batching.max-wait=2ms", "lakehouse.embedd.onnx.threads=1",
                "lakehouse.embedd.ollama.base-url=http://gpu-box:11434", "lakehouse.embedd.ollama.retry.max-attempts=5",
                "lakehouse.embedd.ollama.circuit-breaker.sliding-window-size=20").run(context -> {
                    assertThat(context.getBean(LimitsProperties.class).maxInputs()).isEqualTo(16);
                    assertThat(context.getBean(CacheProperties.class).maxSize()).isEqualTo(DataSize.ofGigabytes(1));
                    assertThat(context.getBean(BatchingProperties.class).maxWait()).isEqualTo(Duration.ofMillis(2));
                    assertThat(context.getBean(OnnxProperties.class).effectiveThreads()).isEqualTo(1);
                    OllamaProperties ollama = context.getBean(OllamaProperties.class);
                    assertThat(ollama.baseUrl()).isEqualTo(URI.create("http://gpu-box:11434"));
                    assertThat(ollama.retry().maxAttempts()).isEqualTo(5);
                    assertThat(ollama.circuitBreaker().slidingWindowSize()).isEqualTo(20);
                });
    }

    @Test
    void aMaxWaitAbove2msRefusesToStart() {
        runner.withPropertyValues("lakehouse.embedd.batching.max-wait=50ms")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("max-wait"));
    }
}
