package dev.lakehouse.replayd;

import static dev.lakehouse.replayd.testing.LakeFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.replayd.testing.LakeFixtures;
import dev.lakehouse.replayd.testing.StubServer;
import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaId;
import dev.lakehouse.schemas.observation.Observation;
import dev.lakehouse.schemas.replay.ReplayResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * replayd as a real process ({@code replayd/target/replayd-exec.jar}) killed with SIGKILL in
 * the middle of a run and started again: the run resumes from its checkpoint and ends with
 * exactly one result per record. chatd, validated and embedd are local stand-ins speaking
 * their wire APIs, because this module cannot start the other daemons' jars, and because the
 * stand-in chatd must be slow (so the kill lands mid-run), throttle (429 with Retry-After)
 * and count every call. The end-to-end test in {@code e2e} runs the same scenario against the
 * real daemons.
 */
class ReplayResumeIT {

    private static final String TOKEN = "it-internal-token-0123456789abcdef";
    private static final int RECORDS = 40;
    private static final int BATCH = 4;

    @TempDir
    Path dataDir;

    private final StubServer chatd = new StubServer();
    private final StubServer validated = new StubServer();
    private final StubServer embedd = new StubServer();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> processes = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        chatd.close();
        validated.close();
        embedd.close();
    }

    @Test
    void aRunKilledMidwayResumesAfterRestartWithNeitherDuplicatedNorMissingResults() throws Exception {
        lakeWithObservations();
        peers();
        port = freePort();
        start();
        String id = JSON.readTree(post("""
                {"source":{"observations":{}},"target":{"model":"openai/gpt-4o-mini"},"concurrency":2,
                 "ratePerSecond":40}""").body()).path("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(id).path("done").asLong() >= 2 * BATCH);

        processes.getFirst().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long doneAtKill = lines(id).size();
        start();
        await().atMost(Duration.ofSeconds(120)).until(() -> state(id).equals("succeeded"));

        List<ReplayResult> results = lines(id).stream().map(line -> JSON.readValue(line, ReplayResult.class)).toList();
        JsonNode view = JSON.readTree(get("/v1/replays/" + id).body());
        JsonNode report = JSON.readTree(get("/v1/replays/" + id + "/report").body());
        assertThat(doneAtKill).isLessThan(RECORDS);
        assertThat(results).extracting(ReplayResult::seq)
                .containsExactlyElementsOf(LongStream.range(0, RECORDS).boxed().toList());
        assertThat(lines(id)).allSatisfy(line -> assertThat(SchemaCatalog.standard()
                .validate(SchemaId.parse(ReplayResult.SCHEMA), JSON.readTree(line))).isEmpty());
        assertThat(view.path("resumes").asInt()).isEqualTo(1);
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(report.path("records").path("total").asLong()).isEqualTo(RECORDS);
        assertThat(report.path("records").path("errors").asLong()).isZero();
        assertThat(report.path("transitions").path("regressed").asLong()).isEqualTo(RECORDS / 10);
        // Only the batch in flight at the kill is asked again; throttled calls are asked again too.
        long chatCalls = chatd.requests().stream().filter(request -> request.path().equals("/v1/chat/completions")).count();
        assertThat(chatCalls).isBetween((long) RECORDS, (long) RECORDS + BATCH + throttled.get());
        assertThat(throttled.get()).isPositive();
    }

    /** chatd answers slowly, says 429 (Retry-After 1) to every 15th call, and answers "bad" to every 10th prompt. */
    private void peers() {
        chatd.answer(request -> {
            if (calls.incrementAndGet() % 15 == 0) {
                throttled.incrementAndGet();
                return new StubServer.Answer(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}",
                        "Retry-After", "1");
            }
            sleep(60);
            String prompt = JSON.readTree(request.body()).path("messages").path(0).path("content").asString();
            int n = Integer.parseInt(prompt.substring("Prompt ".length()));
            String content = n % 10 == 3 ? "bad" : "{\"n\":" + n + "}";
            return new StubServer.Answer(200, """
                    {"id":"c","object":"chat.completion","model":"gpt-4o-mini","choices":[{"index":0,\
                    "message":{"role":"assistant","content":%s},"finish_reason":"stop"}],\
                    "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}"""
                    .formatted(JSON.writeValueAsString(content)), "X-Lakehouse-Provider", "openai");
        });
        validated.answer(request -> new StubServer.Answer(200, """
                {"schema":"lakehouse.validation-verdict/v1","valid":%s,"contract":"email","validatorVersion":"1.0.0",\
                "durationMicros":1,"violations":[]}""".formatted(
                !JSON.readTree(request.body()).path("payload").asString().equals("bad"))));
        embedd.answer(200, """
                {"object":"list","model":"all-minilm","data":[{"object":"embedding","index":0,"embedding":[1.0,0.0]},\
                {"object":"embedding","index":1,"embedding":[0.6,0.8]}]}""");
    }

    private void lakeWithObservations() {
        Instant ts = Instant.parse("2026-11-24T09:00:00Z");
        Observation[] observations = new Observation[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            observations[i] = LakeFixtures.observation("obs_" + i, "Prompt " + i, "{\"n\":" + i + "}", ts.plusSeconds(i));
        }
        LakeFixtures.append(dataDir.resolve("lake"), "chatd-t1-000000.jsonl", observations);
    }

    private void start() throws IOException {
        Path jar = Path.of(System.getProperty("user.dir")).resolve("target").resolve("replayd-exec.jar");
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlakehouse.replayd.batch-size=" + BATCH, "-Dlakehouse.replayd.retry.initial-backoff=100ms",
                "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("replayd.log").toFile()));
        builder.environment().put("LAKEHOUSE_DATA_DIR", dataDir.toString());
        builder.environment().put("LAKEHOUSE_INTERNAL_TOKEN", TOKEN);
        builder.environment().put("LAKEHOUSE_REPLAYD_PORT", Integer.toString(port));
        builder.environment().put("LAKEHOUSE_CHATD_URL", chatd.url());
        builder.environment().put("LAKEHOUSE_VALIDATED_URL", validated.url());
        builder.environment().put("LAKEHOUSE_EMBEDD_URL", embedd.url());
        processes.addFirst(builder.start());
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() ->
                get("/actuator/health/readiness").statusCode() == 200);
    }

    private static String java() {
        Path preferred = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        return Files.isExecutable(preferred) ? preferred.toString()
                : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private List<String> lines(String id) throws IOException {
        Path results = dataDir.resolve("lake/replays").resolve(id).resolve("results.jsonl");
        return Files.exists(results) ? Files.readAllLines(results).stream().filter(line -> !line.isBlank()).toList() : List.of();
    }

    private JsonNode progress(String id) throws Exception {
        return JSON.readTree(get("/v1/replays/" + id).body()).path("progress");
    }

    private String state(String id) throws Exception {
        return JSON.readTree(get("/v1/replays/" + id).body()).path("state").asString();
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(request("/v1/replays").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("X-Lakehouse-Internal-Token", TOKEN);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
