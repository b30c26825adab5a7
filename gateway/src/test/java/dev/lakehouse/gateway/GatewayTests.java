package dev.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against one live downstream (a local HTTP server standing in for validated)
 * and dead ports for the other daemons. The suite-level routing over the real daemons is
 * in the e2e module.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicReference<Headers> seenByDownstream = new AtomicReference<>();
    private static HttpServer downstream;
    private static int deadPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startDownstream() throws IOException {
        downstream = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        downstream.createContext("/", exchange -> {
            seenByDownstream.set(exchange.getRequestHeaders());
            byte[] body = exchange.getRequestURI().getPath().equals("/actuator/health")
                    ? "{\"status\":\"UP\",\"components\":{\"ping\":{\"status\":\"UP\"}}}".getBytes(StandardCharsets.UTF_8)
                    : "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                exchange.getResponseHeaders().set("X-Request-Id", requestId);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        downstream.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stopDownstream() {
        downstream.stop(0);
    }

    @DynamicPropertySource
    static void daemons(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("gateway-tests-");
        registry.add("lakehouse.data-dir", dataDir::toString);
        registry.add("lakehouse.lake.dir", () -> dataDir.resolve("lake").toString());
        registry.add("lakehouse.gateway.keys.file", () -> TestKeys.writeTo(dataDir.resolve("api-keys.yml")).toString());
        String dead = "http://localhost:" + deadPort;
        for (String daemon : new String[] {"embedd", "vectord", "chatd", "materializerd", "replayd"}) {
            registry.add("lakehouse.gateway.daemons." + daemon + ".url", () -> dead);
        }
        registry.add("lakehouse.gateway.daemons.validated.url", () -> "http://localhost:" + downstream.getAddress().getPort());
    }

    @Test
    void routedCallCarriesTheInternalTokenAndRequestIdButNoClientSecrets() throws Exception {
        HttpResponse<String> response = send(post("/v1/validate")
                .header("X-Request-Id", "rid-routing-1")
                .header("x-api-key", "client-secret")
                .header("X-Lakehouse-Internal-Token", "forged")
                .header("X-Lakehouse-Allowed-Roles", "admin"));

        assertThat(response.statusCode()).isEqualTo(200);
        Headers seen = seenByDownstream.get();
        assertThat(seen.getFirst("X-Lakehouse-Internal-Token")).isEqualTo("test-internal-token-0123456789");
        assertThat(seen.getFirst("X-Request-Id")).isEqualTo("rid-routing-1");
        assertThat(seen.containsKey("Authorization")).isFalse();
        assertThat(seen.containsKey("x-api-key")).isFalse();
        assertThat(seen.containsKey("X-Lakehouse-Allowed-Roles")).isFalse();
        assertThat(seen.getFirst("X-Lakehouse-Key-Id")).isEqualTo("key_all");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("rid-routing-1");
    }

    @Test
    void deadDaemonsRouteAnswers503ProblemNamingItWithinTwoSeconds() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/collections"))
                .header("Authorization", TestKeys.bearer(TestKeys.ALL)).GET());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asString()).contains("vectord");
        assertThat(problem.path("instance").asString()).isEqualTo("/v1/collections");
        assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void deadDaemonBehindAnOpenAiRouteAnswersInOpenAisErrorShape() throws Exception {
        HttpResponse<String> response = send(post("/v1/embeddings"));

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("message").asString()).contains("embedd");
        assertThat(error.path("type").asString()).isEqualTo("server_error");
        assertThat(error.has("param")).isTrue();
    }

    @Test
    void deadDaemonBehindAnOllamaRouteAnswersInOllamasErrorShape() throws Exception {
        HttpResponse<String> response = send(post("/api/chat"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).path("error").asString()).contains("chatd");
    }

    @Test
    void deadDaemonBehindTheAnthropicRouteAnswersInAnthropicsErrorShape() throws Exception {
        HttpResponse<String> response = send(post("/v1/messages"));

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo("error");
        assertThat(body.path("error").path("type").asString()).isEqualTo("overloaded_error");
    }

    @Test
    void modelsWithBothModelDaemonsDownIs503SayingWhyInOpenAisShape() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/models"))
                .header("Authorization", TestKeys.bearer(TestKeys.ALL)).GET());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("server_error");
        assertThat(error.path("message").asString())
                .contains("embedd: unavailable (connection refused)").contains("chatd: unavailable (connection refused)");
    }

    @Test
    void suiteHealthListsSevenDaemonsAndIsDegradedWhenAnyIsDown() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/health")).GET());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.path("daemons").valueStream().map(d -> d.path("name").asString())).containsExactly(
                "gateway", "embedd", "vectord", "chatd", "validated", "materializerd", "replayd");
        assertThat(daemon(health, "gateway").path("status").asString()).isEqualTo("UP");
        assertThat(daemon(health, "validated").path("status").asString()).as(health.toString()).isEqualTo("UP");
        assertThat(daemon(health, "validated").path("details").path("components").path("ping").asString()).isEqualTo("UP");
        assertThat(daemon(health, "vectord").path("status").asString()).isEqualTo("DOWN");
        assertThat(daemon(health, "vectord").path("details").path("error").asString()).contains("connection refused");
        assertThat(daemon(health, "vectord").has("latencyMs")).isTrue();
    }

    @Test
    void unknownPathIsA404ProblemWithTheRequestId() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v2/whatever")).header("X-Request-Id", "rid-404")
                .header("Authorization", TestKeys.bearer(TestKeys.ALL)).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("requestId").asString()).isEqualTo("rid-404");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("rid-404");
    }

    @Test
    void gatewayActuatorAnswersProbesAndScrapers() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET()).body())
                .contains("application=\"gateway\"");
    }

    private static JsonNode daemon(JsonNode health, String name) {
        return health.path("daemons").valueStream().filter(d -> d.path("name").asString().equals(name)).findFirst()
                .orElseThrow();
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", TestKeys.bearer(TestKeys.ALL))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
