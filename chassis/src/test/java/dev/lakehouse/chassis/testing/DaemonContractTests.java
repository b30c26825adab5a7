package dev.lakehouse.chassis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every daemon promises, checked against the daemon booted on a random port: health
 * with liveness and readiness, prometheus, info, internal auth, and problem details for a
 * bad route, a wrong method and malformed JSON. A daemon's test extends this and names one
 * of its JSON routes.
 *
 * <p>The context closes with the class: a daemon's test keeps its data in a static
 * {@code @TempDir}, and a cached context would still be writing there (evidence, indexes)
 * while JUnit removes the directory.
 */
@DirtiesContext
public abstract class DaemonContractTests {

    /** The token the daemons' test configuration ({@code config/application.properties}) sets. */
    public static final String TOKEN = "test-internal-token-0123456789";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    /** Name of the daemon, as in {@code spring.application.name}. */
    protected abstract String daemonName();

    /** A route of this daemon that takes a JSON body with POST. */
    protected abstract String jsonRoute();

    @Test
    void answersHealthWithLivenessAndReadiness() throws Exception {
        assertThat(get("/actuator/health", false).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/actuator/health/liveness", false).body()).path("status").asString()).isEqualTo("UP");
        assertThat(JSON.readTree(get("/actuator/health/readiness", false).body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheDaemonName() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("application=\"" + daemonName() + "\"");
    }

    @Test
    void infoCarriesTheVersion() throws Exception {
        JsonNode info = JSON.readTree(get("/actuator/info", true).body());

        assertThat(info.path("build").path("version").asString()).isNotBlank();
        assertThat(info.path("build").path("artifact").asString()).isEqualTo(daemonName());
    }

    @Test
    void refusesCallsWithoutTheInternalToken() throws Exception {
        HttpResponse<String> response = post(jsonRoute(), "{}", false);

        assertProblem(response, 401);
    }

    @Test
    void unknownRouteIsA404Problem() throws Exception {
        assertProblem(get("/v1/no-such-route", true), 404);
    }

    @Test
    void wrongMethodIsA405Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(jsonRoute()))
                .header("X-Lakehouse-Internal-Token", TOKEN)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));

        assertProblem(response, 405);
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        HttpResponse<String> response = post(jsonRoute(), "{\"oops\": [1, 2", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).matches("application/(problem\\+)?json.*"));
        assertThat(response.body()).doesNotContain("at tools.jackson").doesNotContain("Exception");
    }

    @Test
    void echoesTheCallersRequestId() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/health")).header("X-Request-Id", "rid-42").GET());

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("rid-42");
    }

    protected JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("requestId").asString()).isNotBlank();
        return problem;
    }

    protected HttpResponse<String> get(String path, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(withToken ? request.header("X-Lakehouse-Internal-Token", TOKEN) : request);
    }

    protected HttpResponse<String> post(String path, String json, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(withToken ? request.header("X-Lakehouse-Internal-Token", TOKEN) : request);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
