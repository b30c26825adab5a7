package dev.lakehouse.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

class MaterializerdImageIT {

    private static GenericContainer<?> materializerd;

    @BeforeAll
    static void start() {
        materializerd = DaemonContainers.start(Daemon.MATERIALIZERD, Map.of());
    }

    @AfterAll
    static void stop() {
        DaemonContainers.stop(materializerd);
    }

    @Test
    void healthCheckTurnsHealthyAsNonRootUser() {
        DaemonContainers.assertHealthyAsNonRoot(materializerd);
    }

    @Test
    void listsNoDatasetsOnAFreshLake() {
        Http peer = DaemonContainers.peer(materializerd, Daemon.MATERIALIZERD);

        Http.Response datasets = peer.get("/v1/datasets");

        assertThat(datasets.status()).as(datasets.body()).isEqualTo(200);
        assertThat(datasets.json().path("datasets").isArray()).isTrue();
        assertThat(datasets.json().path("datasets")).isEmpty();
    }
}
