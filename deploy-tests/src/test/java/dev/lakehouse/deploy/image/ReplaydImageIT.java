package dev.lakehouse.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

class ReplaydImageIT {

    private static GenericContainer<?> replayd;

    @BeforeAll
    static void start() {
        replayd = DaemonContainers.start(Daemon.REPLAYD, Map.of());
    }

    @AfterAll
    static void stop() {
        DaemonContainers.stop(replayd);
    }

    @Test
    void healthCheckTurnsHealthyAsNonRootUser() {
        DaemonContainers.assertHealthyAsNonRoot(replayd);
    }

    @Test
    void refusesAReplayWithoutASourceAsAProblem() {
        Http peer = DaemonContainers.peer(replayd, Daemon.REPLAYD);

        Http.Response response = peer.post("/v1/replays", Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("status").asInt()).isEqualTo(400);
        assertThat(response.json().path("requestId").asString()).startsWith("req_");
    }
}
