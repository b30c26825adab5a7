package dev.lakehouse.chassis.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.ChassisTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = ChassisTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lakehouse.internal.token=" + JsonLimitsWebTests.TOKEN)
class JsonLimitsWebTests {

    static final String TOKEN = "chassis-test-token-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void requestNestedBeyondTheLimitIsA400ProblemNotA500() throws Exception {
        String body = "{\"ignored\": " + JsonLimitsTests.nested(500) + ", \"text\": \"hello\"}";

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/echo"))
                .header("X-Lakehouse-Internal-Token", TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("nesting depth");
    }
}
