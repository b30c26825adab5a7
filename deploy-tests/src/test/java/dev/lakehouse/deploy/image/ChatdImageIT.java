package dev.lakehouse.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Commands;
import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.DockerEngine;
import dev.lakehouse.deploy.support.FakeOllama;
import dev.lakehouse.deploy.support.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

class ChatdImageIT {

    private static FakeOllama ollama;
    private static GenericContainer<?> chatd;

    @BeforeAll
    static void start() {
        DockerEngine.require();
        ollama = FakeOllama.start(bridgeGateway());
        chatd = DaemonContainers.start(Daemon.CHATD, Map.of("OLLAMA_BASE_URL",
                "http://" + DaemonContainers.HOST_FROM_CONTAINER + ":" + ollama.port()));
    }

    @AfterAll
    static void stop() {
        DaemonContainers.stop(chatd);
        if (ollama != null) {
            ollama.close();
        }
    }

    @Test
    void healthCheckTurnsHealthyAsNonRootUser() {
        DaemonContainers.assertHealthyAsNonRoot(chatd);
    }

    @Test
    void chatsThroughOllamaOutsideTheContainer() {
        Http peer = DaemonContainers.peer(chatd, Daemon.CHATD);

        Http.Response response = peer.post("/v1/chat/completions", Map.of(
                "model", "ollama/" + FakeOllama.MODEL,
                "messages", List.of(Map.of("role", "user", "content", "Say hello."))));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("choices").path(0).path("message").path("content").asString())
                .isEqualTo(FakeOllama.ANSWER);
        assertThat(ollama.chats()).isPositive();
    }

    /** The host's address on Docker's default bridge: where host-gateway points inside a container. */
    private static String bridgeGateway() {
        String gateway = Commands.run(List.of("docker", "network", "inspect", "bridge", "--format",
                "{{range .IPAM.Config}}{{.Gateway}}{{end}}"), Duration.ofSeconds(30)).output().strip();
        return gateway.isEmpty() ? "172.17.0.1" : gateway;
    }
}
