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

class ValidatedImageIT {

    private static GenericContainer<?> validated;

    @BeforeAll
    static void start() {
        validated = DaemonContainers.start(Daemon.VALIDATED, Map.of());
    }

    @AfterAll
    static void stop() {
        DaemonContainers.stop(validated);
    }

    @Test
    void healthCheckTurnsHealthyAsNonRootUser() {
        DaemonContainers.assertHealthyAsNonRoot(validated);
    }

    @Test
    void rejectsAnEmailDraftWithAnInvalidRecipient() {
        Http peer = DaemonContainers.peer(validated, Daemon.VALIDATED);

        Http.Response verdict = peer.post("/v1/validate", Map.of("kind", "email", "payload", Map.of(
                "to", List.of("ana@@example.com"), "subject", "Shift on Monday",
                "body", "Hi Ana,\n\nyour shift on Monday starts at 8:00.\n\nBest regards,\nOps")));

        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.json().path("valid").asBoolean()).isFalse();
        assertThat(verdict.json().path("violations").path(0).path("path").asString()).startsWith("/to/0");
    }
}
