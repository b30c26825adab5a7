package dev.lakehouse.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.DockerEngine;
import dev.lakehouse.deploy.support.Http;
import dev.lakehouse.deploy.support.Images;
import dev.lakehouse.deploy.support.TestApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The whole suite from docker-compose.yml on images built offline: up, every service healthy,
 * the public API through the gateway, Prometheus scraping, one daemon stopped and started, down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeIT {

    private static final List<String> SERVICES = List.of("gateway", "embedd", "vectord", "chatd", "validated",
            "materializerd", "replayd", "prometheus");
    private static final String COLLECTION = "compose_docs";

    private static Path workDir;
    private static ComposeProject project;
    private static Http client;

    @BeforeAll
    static void up() throws IOException {
        DockerEngine.requireCompose();
        Images.ensureBuilt();
        workDir = Files.createTempDirectory("lakehouse-compose-it");
        project = new ComposeProject(workDir, TestApiKeys.KEYS_FILE);
        client = Http.asClient(URI.create("http://127.0.0.1:" + project.gatewayPort()), TestApiKeys.KEY);

        project.composeOrThrow(Duration.ofMinutes(10), "up", "-d");
    }

    @AfterAll
    static void down() throws IOException {
        if (project != null) {
            project.close();
            assertThat(project.volumes()).as("volumes left after down -v").isEmpty();
        }
        if (workDir != null) {
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(ComposeIT::delete);
            }
        }
    }

    @Test
    @Order(1)
    void everyServiceBecomesHealthyAndTheSuiteReportsUp() {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(SERVICES).allSatisfy(service ->
                        assertThat(project.healthOf(service)).as(service).isEqualTo("healthy")));

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(client.get("/v1/health").status()).isEqualTo(200));
        JsonNode health = client.get("/v1/health").json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("daemons").valueStream().map(daemon -> daemon.path("name").asString()))
                .containsExactlyInAnyOrderElementsOf(Daemon.all().stream().map(Daemon::id).toList());
        assertThat(project.containerOf("ollama")).as("ollama runs only in its profile").isEmpty();
        assertThat(project.containerOf("grafana")).as("grafana runs only in its profile").isEmpty();
    }

    @Test
    @Order(2)
    void onlyTheGatewayPublishesAPort() {
        assertThat(SERVICES).allSatisfy(service -> {
            String published = project.publishedPorts(service);
            if (service.equals("gateway")) {
                assertThat(published).isEqualTo("8080/tcp -> 127.0.0.1:" + project.gatewayPort());
            } else {
                assertThat(published).as(service).isEmpty();
            }
        });
    }

    @Test
    @Order(3)
    void embedsWithTheInProcessModelThroughTheGateway() {
        Http.Response response = client.post("/v1/embeddings", Map.of("model", "all-minilm",
                "input", List.of("The lake keeps every observation.", "Vectors live in vectord.")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("data")).hasSize(2);
        assertThat(response.json().path("data").path(1).path("embedding")).hasSize(384);
    }

    @Test
    @Order(4)
    void createsACollectionUpsertsByTextAndSearchesByText() {
        Http.Response created = client.put("/v1/collections/" + COLLECTION,
                Map.of("dimension", 384, "metric", "cosine", "embedModel", "all-minilm"));
        assertThat(created.status()).as(created.body()).isBetween(200, 299);

        Http.Response upserted = client.post("/v1/collections/" + COLLECTION + "/points?wait=true", Map.of("points",
                List.of(point("shifts", "Night shifts start at ten in the evening and end at six."),
                        point("invoices", "Invoices are due thirty days after the delivery date."),
                        point("meetings", "The weekly planning meeting is on Monday morning."))));
        assertThat(upserted.status()).as(upserted.body()).isBetween(200, 299);

        Http.Response found = client.post("/v1/collections/" + COLLECTION + "/search",
                Map.of("text", "When do I have to pay the bill?", "k", 1, "withPayload", true));

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("results").path(0).path("id").asString()).isEqualTo("invoices");
    }

    @Test
    @Order(5)
    void validatesAnEmailDraftThroughTheGateway() {
        Http.Response verdict = client.post("/v1/validate", Map.of("kind", "email", "payload", Map.of(
                "to", List.of("ana.silva@example.com"), "subject", "Your shift on Monday",
                "body", "Hi Ana,\n\nyour shift on Monday starts at 8:00 in hall B.\n\nBest regards,\nOps team")));

        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.json().path("valid").asBoolean()).as(verdict.body()).isTrue();
    }

    @Test
    @Order(6)
    void prometheusScrapesEveryDaemon() {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            String up = project.composeOrThrow(Duration.ofSeconds(30), "exec", "-T", "prometheus",
                    "promtool", "query", "instant", "http://localhost:9090", "up{job=\"lakehouse\"} == 1").output();

            assertThat(Daemon.all()).allSatisfy(daemon ->
                    assertThat(up).as(up).contains("daemon=\"" + daemon.id() + "\""));
        });
    }

    @Test
    @Order(7)
    void aStoppedDaemonsRoutesAnswer503WhileTheOthersServe() {
        project.composeOrThrow(Duration.ofMinutes(1), "stop", "vectord");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(client.get("/v1/collections").status()).isEqualTo(503));
        assertThat(client.post("/v1/collections/" + COLLECTION + "/search", Map.of("text", "bill", "k", 1)).status())
                .isEqualTo(503);
        assertThat(client.post("/v1/embeddings", Map.of("model", "all-minilm", "input", "still here")).status())
                .isEqualTo(200);
        Http.Response health = client.get("/v1/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("status").asString()).isEqualTo("DEGRADED");
        assertThat(statusOf(health.json(), "vectord")).isIn("DOWN", "UNREACHABLE");
        assertThat(statusOf(health.json(), "embedd")).isEqualTo("UP");
    }

    @Test
    @Order(8)
    void aStartedDaemonIsUpAgainWithItsCollection() {
        project.composeOrThrow(Duration.ofMinutes(1), "start", "vectord");

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(client.get("/v1/health").status()).isEqualTo(200));
        assertThat(statusOf(client.get("/v1/health").json(), "vectord")).isEqualTo("UP");
        Http.Response found = client.post("/v1/collections/" + COLLECTION + "/search",
                Map.of("text", "When is the planning meeting?", "k", 1));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("results").path(0).path("id").asString()).isEqualTo("meetings");
    }

    private static Map<String, Object> point(String id, String text) {
        return Map.of("id", id, "text", text, "payload", Map.of("topic", id));
    }

    private static String statusOf(JsonNode health, String daemon) {
        return health.path("daemons").valueStream().filter(entry -> entry.path("name").asString().equals(daemon))
                .map(entry -> entry.path("status").asString()).findFirst().orElse("missing");
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
