package dev.lakehouse.gateway.edgecache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.gateway.EdgeTestBase;
import dev.lakehouse.gateway.TestKeys;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "lakehouse.gateway.cache.enabled=false")
class EdgeCacheOffTests extends EdgeTestBase {

    @Test
    void withTheCacheOffEveryRepeatGoesToEmbedd() {
        String body = "{\"input\":\"" + UUID.randomUUID() + "\"}";

        sendWithKey(post("/v1/embeddings", body), TestKeys.ALL);
        sendWithKey(post("/v1/embeddings", body), TestKeys.ALL);

        assertThat(daemon("embedd").seen()).hasSize(2);
        assertThat(send(get("/actuator/prometheus")).body()).doesNotContain("lakehouse_gateway_cache_hits_total");
    }
}
