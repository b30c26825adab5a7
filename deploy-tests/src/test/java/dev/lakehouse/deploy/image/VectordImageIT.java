package dev.lakehouse.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

class VectordImageIT {

    private static GenericContainer<?> vectord;

    @BeforeAll
    static void start() {
        vectord = DaemonContainers.start(Daemon.VECTORD, Map.of());
    }

    @AfterAll
    static void stop() {
        DaemonContainers.stop(vectord);
    }

    @Test
    void healthCheckTurnsHealthyAsNonRootUser() {
        DaemonContainers.assertHealthyAsNonRoot(vectord);
    }

    @Test
    void storesAndFindsAVectorOnTheImagesDataDirectory() {
        Http peer = DaemonContainers.peer(vectord, Daemon.VECTORD);
        assertThat(peer.put("/v1/collections/image_test", Map.of("dimension", 3, "metric", "cosine")).status())
                .isBetween(200, 299);
        assertThat(peer.post("/v1/collections/image_test/points?wait=true", Map.of("points", List.of(
                Map.of("id", "north", "vector", List.of(0.0, 1.0, 0.0), "payload", Map.of("kind", "direction")),
                Map.of("id", "east", "vector", List.of(1.0, 0.0, 0.0), "payload", Map.of("kind", "direction")))))
                .status()).isBetween(200, 299);

        Http.Response search = peer.post("/v1/collections/image_test/search",
                Map.of("vector", List.of(0.1, 0.9, 0.0), "k", 1));

        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().path("results").path(0).path("id").asString()).isEqualTo("north");
    }
}
