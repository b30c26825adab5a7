package dev.lakehouse.embedd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.embedd.testing.EmbeddWebTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OllamaHealthTests extends EmbeddWebTests {

    @Test
    void reachableOllamaIsUpInReadinessWithItsVersion() {
        JsonNode readiness = json(get("/actuator/health/readiness"));

        JsonNode ollama = readiness.path("components").path("ollama");
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(ollama.path("status").asString()).isEqualTo("UP");
        assertThat(ollama.path("details").path("version").asString()).isEqualTo("0.12.6");
        assertThat(ollama.path("details").path("circuitBreaker").asString()).isEqualTo("CLOSED");
    }

    @Test
    void prometheusListsTheEmbeddMetrics() {
        post("/v1/embeddings", "{\"model\":\"fake-embed\",\"input\":\"metrics\"}");

        String metrics = get("/actuator/prometheus").body();

        assertThat(metrics).contains("lakehouse_embedd_cache_hits_total", "lakehouse_embedd_cache_misses_total",
                "lakehouse_embedd_cache_evictions_total", "lakehouse_embedd_cache_bytes",
                "lakehouse_embedd_backend_latency_seconds_bucket", "lakehouse_embedd_batch_size_bucket",
                "lakehouse_embedd_inflight", "resilience4j_circuitbreaker_state");
    }
}
