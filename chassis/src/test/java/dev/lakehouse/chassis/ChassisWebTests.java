package dev.lakehouse.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = ChassisTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lakehouse.internal.token=" + ChassisWebTests.TOKEN, "lakehouse.http.max-body-size=1KB"})
class ChassisWebTests {

    static final String TOKEN = "chassis-test-token-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void unknownRouteIsA404ProblemDetail() throws Exception {
        HttpResponse<String> response = send(authorized("/no/such/route").GET());

        assertProblem(response, 404);
    }

    @Test
    void wrongMethodIsA405ProblemDetail() throws Exception {
        HttpResponse<String> response = send(authorized("/echo").GET());

        assertProblem(response, 405);
    }

    @Test
    void wrongMediaTypeIsA415ProblemDetail() throws Exception {
        HttpResponse<String> response = send(authorized("/echo").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));

        assertProblem(response, 415);
    }

    @Test
    void malformedJsonIsA400ProblemDetailThatSaysWhere() throws Exception {
        HttpResponse<String> response = send(authorized("/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": ")));

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("code").asString()).isEqualTo("malformed_request");
        assertThat(problem.path("detail").asString()).contains("line 1");
    }

    @Test
    void bodyOverTheLimitIsA413ProblemDetail() throws Exception {
        String big = "{\"text\": \"" + "x".repeat(2048) + "\"}";

        HttpResponse<String> response = send(authorized("/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)));

        assertProblem(response, 413);
    }

    @Test
    void unexpectedErrorIsA500ProblemDetailWithoutInternals() throws Exception {
        HttpResponse<String> response = send(authorized("/boom").GET());

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("passwd").doesNotContain("IllegalStateException")
                .doesNotContain("at dev.lakehouse");
    }

    @Test
    void callWithoutInternalTokenIsRefusedWith401() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/echo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")));

        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("code").asString()).isEqualTo("internal_token_required");
    }

    @Test
    void callWithWrongInternalTokenIsRefusedWith401() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/echo"))
                .header("X-Lakehouse-Internal-Token", TOKEN + "x").GET());

        assertProblem(response, 401);
    }

    @Test
    void healthAndPrometheusAreReadableWithoutToken() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void infoNeedsTheToken() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/info")).GET()).statusCode()).isEqualTo(401);
        assertThat(send(authorized("/actuator/info").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptableRequestIdIsEchoedAndCarriedInProblems() throws Exception {
        HttpResponse<String> response = send(authorized("/no/such/route").header("X-Request-Id", "abc-123").GET());

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(JSON.readTree(response.body()).path("requestId").asString()).isEqualTo("abc-123");
    }

    @Test
    void missingOrUnsafeRequestIdIsReplacedByAGeneratedOne() throws Exception {
        HttpResponse<String> missing = send(authorized("/actuator/health").GET());
        HttpResponse<String> unsafe = send(authorized("/actuator/health").header("X-Request-Id", "a b\"c").GET());

        assertThat(missing.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(unsafe.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("requestId").asString()).isNotBlank();
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(problem.path("requestId").asString());
        return problem;
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-Lakehouse-Internal-Token", TOKEN);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
