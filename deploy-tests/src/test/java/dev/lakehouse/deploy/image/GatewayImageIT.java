package dev.lakehouse.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import tools.jackson.databind.JsonNode;

class GatewayImageIT {

    private static GenericContainer<?> gateway;

    @BeforeAll
    static void start() {
        gateway = DaemonContainers.start(Daemon.GATEWAY, Map.of());
    }

    @AfterAll
    static void stop() {
        DaemonContainers.stop(gateway);
    }

    @Test
    void healthCheckTurnsHealthyAsNonRootUser() {
        DaemonContainers.assertHealthyAsNonRoot(gateway);
    }

    @Test
    void aloneTheGatewayReportsItselfUpAndEveryOtherDaemonMissing() {
        Http client = Http.asClient(DaemonContainers.peer(gateway, Daemon.GATEWAY).base(), null);

        Http.Response health = client.get("/v1/health");

        assertThat(health.status()).isEqualTo(503);
        JsonNode body = health.json();
        assertThat(body.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(body.path("daemons").valueStream()
                .filter(daemon -> daemon.path("status").asString().equals("UP"))
                .map(daemon -> daemon.path("name").asString()))
                .containsExactly("gateway");
        assertThat(body.path("daemons")).hasSize(7);
    }
}
