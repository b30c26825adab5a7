package dev.lakehouse.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

class EmbeddImageIT {

    private static GenericContainer<?> embedd;

    @BeforeAll
    static void start() {
        embedd = DaemonContainers.start(Daemon.EMBEDD, Map.of());
    }

    @AfterAll
    static void stop() {
        DaemonContainers.stop(embedd);
    }

    @Test
    void healthCheckTurnsHealthyAsNonRootUser() {
        DaemonContainers.assertHealthyAsNonRoot(embedd);
    }

    @Test
    void embedsWithTheInProcessModelInsideTheImage() {
        Http peer = DaemonContainers.peer(embedd, Daemon.EMBEDD);

        Http.Response response = peer.post("/v1/embeddings",
                Map.of("model", "all-minilm", "input", "Containers run the ONNX model too."));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("data").path(0).path("embedding")).hasSize(384);
    }
}
