package dev.lakehouse.replayd.api;

import static dev.lakehouse.replayd.testing.LakeFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.replayd.testing.LakeFixtures;
import dev.lakehouse.replayd.testing.StubServer;
import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaId;
import dev.lakehouse.schemas.replay.ReplayReport;
import dev.lakehouse.schemas.replay.ReplayResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * replayd's API on the real daemon, with a lake on a temp dir and local servers speaking
 * chatd's, validated's and embedd's wire APIs: the target answers "bad" to one prompt, which
 * validated fails, and repeats the others, so the run has one known regression.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // closed before JUnit removes the @TempDir it writes runs into
class ReplaysApiTests {

    private static final String TOKEN = "test-internal-token-0123456789";
    private static final StubServer CHATD = new StubServer();
    private static final StubServer VALIDATED = new StubServer();
    private static final StubServer EMBEDD = new StubServer();

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("lakehouse.data-dir", dataDir::toString);
        registry.add("spring.http.serviceclient.chatd.base-url", CHATD::url);
        registry.add("spring.http.serviceclient.validated.base-url", VALIDATED::url);
        registry.add("spring.http.serviceclient.embedd.base-url", EMBEDD::url);
    }

    @BeforeAll
    static void lakeAndPeers() {
        Instant ts = Instant.parse("2026-11-24T09:00:00Z");
        LakeFixtures.append(dataDir.resolve("lake"), "chatd-t1-000000.jsonl",
                LakeFixtures.observation("obs_a", "Tell ann.", "{\"to\":[\"ann@example.com\"]}", ts),
                LakeFixtures.observation("obs_b", "Tell bob.", "{\"to\":[\"bob@example.com\"]}", ts.plusSeconds(1)),
                LakeFixtures.observation("obs_c", "Tell cat.", "{\"to\":[\"cat@example.com\"]}", ts.plusSeconds(2)));
        CHATD.answer(request -> {
            String prompt = JSON.readTree(request.body()).path("messages").path(0).path("content").asString();
            String content = prompt.equals("Tell bob.") ? "bad" : "{\"to\":[\"" + prompt.substring(5, 8) + "@example.com\"]}";
            return new StubServer.Answer(200, JSON.writeValueAsString(JSON.createObjectNode()
                    .put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "cassette")
                    .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                            .put("finish_reason", "stop")
                            .set("message", JSON.createObjectNode().put("role", "assistant").put("content", content))))),
                    "X-Lakehouse-Provider", "replay");
        });
        VALIDATED.answer(request -> {
            boolean bad = JSON.readTree(request.body()).path("payload").asString().equals("bad");
            return new StubServer.Answer(200, """
                    {"schema":"lakehouse.validation-verdict/v1","valid":%s,"contract":"email","validatorVersion":"1.0.0",\
                    "durationMicros":20,"violations":%s}""".formatted(!bad, bad
                    ? "[{\"code\":\"email.not_json\",\"path\":\"\",\"message\":\"not JSON\",\"severity\":\"error\"}]" : "[]"));
        });
        EMBEDD.answer(200, """
                {"object":"list","model":"all-minilm","data":[{"object":"embedding","index":0,"embedding":[1.0,0.0]},\
                {"object":"embedding","index":1,"embedding":[1.0,0.0]}],"usage":{"prompt_tokens":2,"total_tokens":2}}""");
    }

    @AfterAll
    static void stopPeers() {
        CHATD.close();
        VALIDATED.close();
        EMBEDD.close();
    }

    @Test
    void aReplayOfObservationsRunsThroughThePeersToItsReport() throws Exception {
        HttpResponse<String> accepted = post("""
                {"source":{"observations":{"roles":["email-writer"]}},"target":{"model":"replay/cassette"},
                 "concurrency":2,"ratePerSecond":100}""");
        String id = JSON.readTree(accepted.body()).path("id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("succeeded"));
        JsonNode view = JSON.readTree(get("/v1/replays/" + id).body());
        JsonNode report = JSON.readTree(get("/v1/replays/" + id + "/report").body());

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/v1/replays/" + id);
        assertThat(view.path("progress").path("total").asLong()).isEqualTo(3);
        assertThat(view.path("progress").path("regressed").asLong()).isEqualTo(1);
        assertThat(report.path("records").path("total").asLong()).isEqualTo(3);
        assertThat(report.path("regressions").path(0).path("recordId").asString()).isEqualTo("obs_b");
        assertThat(report.path("regressions").path(0).path("codes").path(0).asString()).isEqualTo("email.not_json");
        assertThat(report.path("exact").path("matches").asLong()).isEqualTo(2);
        assertThat(report.path("similarity").path("p50").asDouble()).isEqualTo(1.0);
        assertThat(SchemaCatalog.standard().validate(SchemaId.parse(ReplayReport.SCHEMA), report)).isEmpty();
        List<String> results = Files.readAllLines(dataDir.resolve("lake/replays").resolve(id).resolve("results.jsonl"));
        assertThat(results).hasSize(3).allSatisfy(line ->
                assertThat(SchemaCatalog.standard().validate(SchemaId.parse(ReplayResult.SCHEMA), JSON.readTree(line))).isEmpty());
        assertThat(CHATD.requests()).allSatisfy(request -> {
            assertThat(request.header("X-Lakehouse-Role")).isEqualTo("email-writer");
            assertThat(request.header("X-Lakehouse-Internal-Token")).isEqualTo(TOKEN);
            assertThat(request.header("X-Request-Id")).startsWith(id + "-");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no source | {\"target\":{\"model\":\"openai/gpt-4o-mini\"}} | /source",
            "both sources | {\"source\":{\"dataset\":\"a/1\",\"observations\":{}},\"target\":{\"role\":\"r\"}} | /source",
            "unknown member | {\"source\":{\"observations\":{}},\"target\":{\"role\":\"r\"},\"speed\":1} | /speed",
            "model and role | {\"source\":{\"observations\":{}},\"target\":{\"model\":\"a/b\",\"role\":\"r\"}} | /target",
            "model without provider | {\"source\":{\"observations\":{}},\"target\":{\"model\":\"gpt-4o\"}} | /target/model",
            "concurrency too high | {\"source\":{\"observations\":{}},\"target\":{\"role\":\"r\"},\"concurrency\":33} | /concurrency",
            "rate of zero | {\"source\":{\"observations\":{}},\"target\":{\"role\":\"r\"},\"ratePerSecond\":0} | /ratePerSecond",
            "maxRecords too high | {\"source\":{\"observations\":{}},\"target\":{\"role\":\"r\"},\"maxRecords\":100001} | /maxRecords",
            "unknown comparison | {\"source\":{\"observations\":{}},\"target\":{\"role\":\"r\"},\"compare\":[\"bleu\"]} | /compare/0",
            "empty comparison | {\"source\":{\"observations\":{}},\"target\":{\"role\":\"r\"},\"compare\":[]} | /compare",
            "bad date | {\"source\":{\"observations\":{\"from\":\"yesterday\"}},\"target\":{\"role\":\"r\"}} | /source/observations/from",
            "bad outcome | {\"source\":{\"observations\":{\"outcomes\":[\"great\"]}},\"target\":{\"role\":\"r\"}} | /source/observations/outcomes",
            "unknown filter | {\"source\":{\"observations\":{\"colour\":[]}},\"target\":{\"role\":\"r\"}} | /source/observations/colour",
            "bad dataset ref | {\"source\":{\"dataset\":\"../etc/1\"},\"target\":{\"role\":\"r\"}} | /source/dataset",
            "missing dataset | {\"source\":{\"dataset\":\"nope/1\"},\"target\":{\"role\":\"r\"}} | /source/dataset",
            "bad contract | {\"source\":{\"dataset\":\"nope/1\",\"contract\":\"json\"},\"target\":{\"role\":\"r\"}} | /source/contract",
            "not an object | [1,2] | ''"})
    void badRequestsAre400ProblemsNamingTheMember(String name, String body, String pointer) throws Exception {
        HttpResponse<String> response = post(body);

        JsonNode problem = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(problem.path("code").asString()).isEqualTo("invalid_replay");
        assertThat(problem.path("pointer").asString()).isEqualTo(pointer);
    }

    @Test
    void anUnknownReplayIsA404Problem() throws Exception {
        assertThat(get("/v1/replays/rpl_unknown00001").statusCode()).isEqualTo(404);
        assertThat(get("/v1/replays/rpl_unknown00001/report").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/v1/replays/not-an-id").body()).path("code").asString()).isEqualTo("replay_not_found");
        assertThat(send(request("/v1/replays/rpl_unknown00001").DELETE()).statusCode()).isEqualTo(404);
    }

    @Test
    void cancellingAFinishedReplayIsA409Problem() throws Exception {
        String id = JSON.readTree(post("""
                {"source":{"observations":{"roles":["nobody"]}},"target":{"model":"replay/cassette"}}""").body())
                .path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("succeeded"));

        HttpResponse<String> response = send(request("/v1/replays/" + id).DELETE());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("replay_finished");
    }

    @Test
    void theListIsNewestFirstAndItsLimitIsChecked() throws Exception {
        post("{\"source\":{\"observations\":{\"roles\":[\"nobody\"]}},\"target\":{\"role\":\"r1\"}}");
        post("{\"source\":{\"observations\":{\"roles\":[\"nobody\"]}},\"target\":{\"role\":\"r2\"}}");

        JsonNode list = JSON.readTree(get("/v1/replays?limit=2").body()).path("replays");

        assertThat(list).hasSize(2);
        assertThat(list.path(0).path("target").path("role").asString()).isEqualTo("r2");
        assertThat(get("/v1/replays?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/v1/replays?limit=many").statusCode()).isEqualTo(400);
    }

    private String state(String id) throws Exception {
        return JSON.readTree(get("/v1/replays/" + id).body()).path("state").asString();
    }

    private HttpResponse<String> post(String json) throws Exception {
        return send(request("/v1/replays").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Lakehouse-Internal-Token", TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
