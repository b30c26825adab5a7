package dev.lakehouse.embedd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import dev.lakehouse.embedd.testing.NoOllamaWebTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** No Ollama configured or reachable: all-minilm serves, readiness stays UP, the ollama component says why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = NoOllamaWebTests.PROPERTIES)
class WithoutOllamaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void readinessStaysUpWhileTheOllamaComponentIsDownAndSaysWhy() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        JsonNode body = JSON.readTree(readiness.body());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(body.path("status").asString()).isEqualTo("UP");
        JsonNode ollama = body.path("components").path("ollama");
        assertThat(ollama.path("status").asString()).isEqualTo("DOWN");
        assertThat(ollama.path("details").path("error").asString()).contains("not reachable").contains("connection refused");
        assertThat(ollama.path("details").path("stillServing").asString()).isEqualTo("all-minilm (in process)");
    }

    @Test
    void overallHealthStaysUpSoTheGatewaySeesEmbeddServing() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        JsonNode body = JSON.readTree(health.body());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("ollama").path("status").asString()).isEqualTo("DOWN");
    }

    @Test
    void allMinilmServesWithoutOllama() throws Exception {
        HttpResponse<String> response = post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":\"no network needed\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("data").get(0).path("embedding").size()).isEqualTo(384);
    }

    @Test
    void otherModelsAre503InEachApisShapeNamingWhatStillServes() throws Exception {
        HttpResponse<String> openai = post("/v1/embeddings", "{\"model\":\"nomic-embed-text\",\"input\":\"x\"}");
        HttpResponse<String> ollama = post("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":\"x\"}");

        assertThat(openai.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(openai.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("server_error");
        assertThat(error.path("code").asString()).isEqualTo("backend_unavailable");
        assertThat(error.path("message").asString()).contains("in-process models still serve: all-minilm");
        assertThat(ollama.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(ollama.body()).path("error").asString()).contains("all-minilm");
    }

    @Test
    void modelsListTheInProcessModel() throws Exception {
        JsonNode models = JSON.readTree(get("/v1/models").body());

        assertThat(models.path("data").valueStream().map(model -> model.path("id").asString())).containsExactly("all-minilm");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("X-Lakehouse-Internal-Token", DaemonContractTests.TOKEN)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("X-Lakehouse-Internal-Token", DaemonContractTests.TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
