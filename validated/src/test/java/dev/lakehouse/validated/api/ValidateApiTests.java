package dev.lakehouse.validated.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lakehouse.validated.max-batch-items=5", "lakehouse.validated.max-payload-chars=2000"})
class ValidateApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaId VERDICT = SchemaId.parse("lakehouse.validation-verdict/v1");
    private static final String GOOD_EMAIL = "{\"to\": [\"bob@example.com\"], \"subject\": \"Report delayed\","
            + " \"body\": \"Hi Bob,\\n\\nthe report will be late.\\n\\nBest, Ana\"}";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("validated-api");
        Path contracts = Files.createDirectories(dataDir.resolve("contracts"));
        Files.writeString(contracts.resolve("sales.json"), """
                {"contract": "email:sales", "description": "Sales outreach", "recipients": {"allowedDomains": ["customer.example"]}}
                """);
        registry.add("lakehouse.data-dir", dataDir::toString);
    }

    @Test
    void validEmailGivesAValidVerdictThatMatchesTheVerdictSchema() throws Exception {
        HttpResponse<String> response = post("/v1/validate", Map.of("kind", "email", "payload", GOOD_EMAIL));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode verdict = JSON.readTree(response.body());
        assertThat(verdict.path("valid").asBoolean()).isTrue();
        assertThat(verdict.path("contract").asString()).isEqualTo("email");
        assertThat(verdict.path("validatorVersion").asString()).matches("[0-9A-Za-z.-]+\\+[0-9a-f]{8}");
        assertThat(SchemaCatalog.standard().validate(VERDICT, verdict)).isEmpty();
    }

    @Test
    void invalidEmailListsItsViolationsWithPointers() throws Exception {
        String draft = "{\"to\": [\"bob@\"], \"subject\": \"Report\", \"body\": \"Hi [Name],\\nAs an AI I cannot sign.\"}";

        JsonNode verdict = JSON.readTree(post("/v1/validate", Map.of("kind", "email", "payload", draft)).body());

        assertThat(verdict.path("valid").asBoolean()).isFalse();
        assertThat(verdict.path("violations").valueStream().map(v -> v.path("code").asString() + " " + v.path("path").asString()))
                .contains("email.address.invalid /to/0", "email.placeholder /body", "email.leak.instruction /body");
        assertThat(SchemaCatalog.standard().validate(VERDICT, verdict)).isEmpty();
    }

    @Test
    void sameRequestGivesTheSameViolationsInTheSameOrder() throws Exception {
        Map<String, Object> request = Map.of("contract", "fill:lakehouse.contract.invoice-extraction/v1",
                "payload", "```json\n{\"invoiceNumber\": \"[number]\", \"total\": \"TBD\", \"extra\": 1}\n```");

        JsonNode first = JSON.readTree(post("/v1/validate", request).body());
        JsonNode second = JSON.readTree(post("/v1/validate", request).body());

        assertThat(first.path("violations")).isEqualTo(second.path("violations"));
        assertThat(first.path("violations").size()).isGreaterThan(5);
    }

    @Test
    void directoryContractsAreServedBesideTheShippedOnes() throws Exception {
        String draft = "{\"to\": [\"ana@other.example\"], \"subject\": \"Offer\", \"body\": \"Dear Ana,\\nour offer.\"}";

        JsonNode verdict = JSON.readTree(post("/v1/validate", Map.of("contract", "email:sales", "payload", draft)).body());

        assertThat(verdict.path("violations").valueStream().map(v -> v.path("code").asString())).contains("email.domain.not_allowed");
    }

    @Test
    void unknownContractIsA404ProblemListingTheKnownOnes() throws Exception {
        HttpResponse<String> response = post("/v1/validate", Map.of("contract", "fill:lakehouse.contract.nope/v1", "payload", "{}"));

        JsonNode problem = assertProblem(response, 404, "unknown_contract");
        assertThat(problem.path("knownContracts").valueStream().map(JsonNode::asString))
                .contains("text", "email", "email:sales", "fill:lakehouse.contract.shift-fill/v1");
    }

    @Test
    void malformedContractIdIsA400Problem() throws Exception {
        HttpResponse<String> response = post("/v1/validate", Map.of("contract", "shift-fill", "payload", "{}"));

        JsonNode problem = assertProblem(response, 400, "invalid_request");
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/contract");
    }

    @Test
    void missingPayloadIsA400ProblemNamingIt() throws Exception {
        JsonNode problem = assertProblem(post("/v1/validate", Map.of("kind", "email")), 400, "invalid_request");

        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/payload");
    }

    @Test
    void kindThatContradictsTheContractIsA400Problem() throws Exception {
        HttpResponse<String> response = post("/v1/validate", Map.of("kind", "fill", "contract", "email", "payload", GOOD_EMAIL));

        assertProblem(response, 400, "invalid_request");
    }

    @Test
    void unknownRequestMemberIsA400Problem() throws Exception {
        HttpResponse<String> response = post("/v1/validate", Map.of("kind", "email", "payload", GOOD_EMAIL, "contxt", Map.of()));

        JsonNode problem = assertProblem(response, 400, "invalid_request");
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/contxt");
    }

    @Test
    void malformedContextIsA400ProblemNamingTheMember() throws Exception {
        HttpResponse<String> response = post("/v1/validate", Map.of("kind", "email", "payload", GOOD_EMAIL,
                "context", Map.of("deniedDomains", List.of("not a domain!"))));

        JsonNode problem = assertProblem(response, 400, "invalid_request");
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/context/deniedDomains/0");
    }

    @Test
    void bodyThatIsNotAnObjectIsA400Problem() throws Exception {
        assertProblem(post("/v1/validate", List.of(1, 2)), 400, "invalid_request");
    }

    @Test
    void textPayloadOverTheLimitIsA413Problem() throws Exception {
        HttpResponse<String> response = post("/v1/validate", Map.of("kind", "text", "payload", "x".repeat(2001)));

        assertProblem(response, 413, "payload_too_large");
    }

    @Test
    void textContractNeedsAStringPayload() throws Exception {
        assertProblem(post("/v1/validate", Map.of("kind", "text", "payload", Map.of("a", 1))), 400, "invalid_request");
    }

    @Test
    void batchAnswersOneVerdictPerItemInOrder() throws Exception {
        List<Map<String, Object>> items = List.of(Map.of("kind", "email", "payload", GOOD_EMAIL),
                Map.of("kind", "text", "payload", ""), Map.of("kind", "text", "payload", "fine"));

        HttpResponse<String> response = post("/v1/validate/batch", Map.of("items", items));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode batch = JSON.readTree(response.body());
        assertThat(batch.path("valid").asBoolean()).isFalse();
        assertThat(batch.path("count").asInt()).isEqualTo(3);
        assertThat(batch.path("verdicts").valueStream().map(v -> v.path("valid").asBoolean())).containsExactly(true, false, true);
        batch.path("verdicts").valueStream().forEach(verdict ->
                assertThat(SchemaCatalog.standard().validate(VERDICT, verdict)).isEmpty());
    }

    @Test
    void batchOverTheLimitIsA413Problem() throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(Map.of("kind", "text", "payload", "answer " + i));
        }

        JsonNode problem = assertProblem(post("/v1/validate/batch", Map.of("items", items)), 413, "batch_too_large");

        assertThat(problem.path("limit").asInt()).isEqualTo(5);
    }

    @Test
    void emptyBatchIsA400Problem() throws Exception {
        assertProblem(post("/v1/validate/batch", Map.of("items", List.of())), 400, "invalid_request");
    }

    @Test
    void batchWithABadItemIsRefusedWholeNamingTheItem() throws Exception {
        List<Map<String, Object>> items = List.of(Map.of("kind", "text", "payload", "ok"), Map.of("contract", "email:nope",
                "payload", GOOD_EMAIL));

        JsonNode problem = assertProblem(post("/v1/validate/batch", Map.of("items", items)), 404, "unknown_contract");

        assertThat(problem.path("pointer").asString()).isEqualTo("/items/1/contract");
    }

    @Test
    void validatorsListsEveryContractWithSchemaRulesAndVersion() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/validators")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("limits").path("maxBatchItems").asInt()).isEqualTo(5);
        JsonNode shift = body.path("contracts").valueStream()
                .filter(c -> c.path("id").asString().equals("fill:lakehouse.contract.shift-fill/v1")).findFirst().orElseThrow();
        assertThat(shift.path("kind").asString()).isEqualTo("fill");
        assertThat(shift.path("schema").path("$id").asString()).isEqualTo("https://schemas.lakehouse.dev/contract.shift-fill/v1.json");
        assertThat(shift.path("schema").has("x-lakehouse")).isFalse();
        assertThat(shift.path("rules").path("rules").size()).isGreaterThan(3);
        assertThat(shift.path("validatorVersion").asString()).startsWith(body.path("moduleVersion").asString() + "+");
        assertThat(body.path("contracts").valueStream().map(c -> c.path("id").asString())).contains("text", "email", "email:sales");
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("requestId").asString()).isNotBlank();
        return problem;
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("X-Lakehouse-Internal-Token", DaemonContractTests.TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
