package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.e2e.support.Http;
import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replay end to end, every daemon real: recorded observations (written into the suite's lake as
 * chatd writes them) are replayed through the gateway's {@code /v1/replays} by replayd, on the
 * target {@code replay/cassette} — the real chatd's cassette provider, which answers with the
 * latest recording of the same prompt — then judged by the real validated and compared through
 * the real embedd's in-process model. Recording a prompt twice with different answers gives
 * known regressions and improvements: replaying the older record gets the newer answer.
 */
class ReplayEndToEndIT {

    private static final Suite SUITE = SharedSuite.get();
    private static final String TAG = "e2e-replay-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String KILL_TAG = TAG + "-kill";
    private static final int KILL_RECORDS = 40;
    private static final String CAPITAL = "The capital of France is Paris, a city on the Seine.";
    private static final String CAPITAL_REWORDED = "Paris, on the river Seine, is the capital city of France.";

    @BeforeAll
    static void recordedTrafficInTheLake() {
        String assistantPrompt = systemPrompt("assistant");
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ObjectNode> records = new ArrayList<>();
        // Older records first: the cassette answers with the latest recording of a prompt.
        records.add(observation("a1", "default", null, TAG + " What is two plus two?", "Four.", ts));
        records.add(observation("a2", "default", null, TAG + " What is two plus two?", "", ts.plusMillis(1)));
        records.add(observation("b1", "assistant", assistantPrompt, TAG + " What is the answer?", "", ts.plusMillis(2)));
        records.add(observation("b2", "assistant", assistantPrompt, TAG + " What is the answer?", "The answer is 42.",
                ts.plusMillis(3)));
        records.add(observation("c", "assistant", assistantPrompt, TAG + " Which river runs through Paris?",
                "The Seine runs through Paris.", ts.plusMillis(4)));
        records.add(observation("d", "default", null, TAG + " Name a colour.", "Blue.", ts.plusMillis(5)));
        records.add(observation("e", "default", null, TAG + " Say nothing at all.", null, ts.plusMillis(6)));
        records.add(observation("f1", "default", null, TAG + " Where is Paris?", CAPITAL, ts.plusMillis(7)));
        records.add(observation("f2", "default", null, TAG + " Where is Paris?", CAPITAL_REWORDED, ts.plusMillis(8)));
        for (int i = 0; i < KILL_RECORDS; i++) {
            ObjectNode record = observation("k" + i, "default", null, KILL_TAG + " question " + i, "Answer " + i,
                    ts.plusMillis(100 + i));
            record.put("keyId", KILL_TAG);
            records.add(record);
        }
        writeSegment(ts, records);
        await().atMost(Duration.ofSeconds(60)).until(() -> cassette("default", TAG + " Name a colour.").equals("Blue."));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                cassette("assistant", TAG + " Which river runs through Paris?").equals("The Seine runs through Paris."));
    }

    @Test
    void replayingRecordedTrafficOnTheCassetteReportsTheKnownRegressionAndImprovement() {
        String id = start("""
                {"source":{"observations":{"keyIds":["%s"]}},"target":{"model":"replay/cassette"},
                 "concurrency":2,"ratePerSecond":20}""".formatted(TAG));

        awaitState(id, "succeeded", Duration.ofSeconds(120));
        JsonNode report = Http.json(Http.get(SUITE.gateway().resolve("/v1/replays/" + id + "/report")));
        Map<String, JsonNode> results = resultsById(id);

        assertThat(report.path("schema").asString()).isEqualTo("lakehouse.replay-report/v1");
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(report.path("records").path("total").asLong()).isEqualTo(9);
        assertThat(report.path("records").path("errorsByCode").path("no_recording").asLong()).isEqualTo(1);
        assertThat(report.path("regressions")).hasSize(1);
        assertThat(report.path("regressions").path(0).path("recordId").asString()).isEqualTo(TAG + "-a1");
        assertThat(report.path("regressions").path(0).path("cause").asString()).isEqualTo("invalid");
        assertThat(report.path("regressions").path(0).path("codes").path(0).asString()).isEqualTo("text.empty");
        assertThat(report.path("improvements")).hasSize(1);
        assertThat(report.path("improvements").path(0).path("recordId").asString()).isEqualTo(TAG + "-b1");
        assertThat(report.path("transitions").path("stillPasses").asLong()).isEqualTo(5);
        assertThat(report.path("transitions").path("stillFails").asLong()).isEqualTo(2);
        assertThat(report.path("passRates").path("overall").path("original").path("passed").asLong()).isEqualTo(6);
        assertThat(report.path("passRates").path("overall").path("target").path("passed").asLong()).isEqualTo(6);
        assertThat(report.path("passRates").path("byRole").path("assistant").path("target").path("rate").asDouble())
                .isEqualTo(1.0);
        assertThat(report.path("exact").path("compared").asLong()).isEqualTo(8);
        assertThat(report.path("exact").path("matches").asLong()).isEqualTo(5);
        assertThat(report.path("similarity").path("count").asLong()).isEqualTo(8);
        assertThat(report.path("tokens").path("target").path("count").asLong()).isEqualTo(8);
        // Two wordings of one answer, embedded by embedd's real model: close, not identical.
        assertThat(results.get(TAG + "-f1").path("comparison").path("similarity").asDouble()).isBetween(0.6, 0.99);
        assertThat(results.get(TAG + "-f2").path("comparison").path("similarity").asDouble()).isCloseTo(1.0, within(1e-3));
        assertThat(results.get(TAG + "-f1").path("comparison").path("exactMatch").asBoolean()).isFalse();
        // validated judged both sides; chatd's cassette served the target.
        JsonNode regressed = results.get(TAG + "-a1");
        assertThat(regressed.path("original").path("validation").path("valid").asBoolean()).isTrue();
        assertThat(regressed.path("target").path("validation").path("violations").path(0).path("code").asString())
                .isEqualTo("text.empty");
        assertThat(results.get(TAG + "-c").path("target").path("provider").asString()).isEqualTo("replay");
        assertThat(results.get(TAG + "-e").path("target").path("error").path("code").asString()).isEqualTo("no_recording");
        // chatd recorded replayd's own calls, marked with the run, so later replays can leave them out.
        await().atMost(Duration.ofSeconds(20)).until(() -> observationsWithKeyId("replay:" + id) >= 8);
    }

    @Test
    void aDatasetMaterializedFromTheLakeIsReplayedLineByLine() {
        String name = "replay-e2e-" + TAG.substring(TAG.length() - 8);
        HttpResponse<String> job = Http.post(SUITE.gateway().resolve("/v1/materializations"), """
                {"recipe":"sft","name":"%s","filters":{"roles":["assistant"],"models":["%s"]}}""".formatted(name, TAG));
        assertThat(job.statusCode()).isEqualTo(202);
        String jobId = Http.json(job).path("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.json(
                Http.get(SUITE.gateway().resolve("/v1/materializations/" + jobId))).path("state").asString().equals("succeeded"));
        JsonNode manifest = Http.json(Http.get(SUITE.gateway().resolve("/v1/datasets/" + name + "/1")));

        String id = start("""
                {"source":{"dataset":"%s/1"},"target":{"model":"replay/cassette"},"ratePerSecond":20}""".formatted(name));
        awaitState(id, "succeeded", Duration.ofSeconds(60));
        JsonNode view = Http.json(Http.get(SUITE.gateway().resolve("/v1/replays/" + id)));
        JsonNode report = Http.json(Http.get(SUITE.gateway().resolve("/v1/replays/" + id + "/report")));

        assertThat(manifest.path("counts").path("kept").asLong()).isEqualTo(2);
        assertThat(view.path("source").path("role").asString()).isEqualTo("assistant");
        assertThat(view.path("source").path("contract").asString()).isEqualTo("text");
        assertThat(report.path("source").path("dataset").asString()).isEqualTo(name + "/v1");
        assertThat(report.path("records").path("total").asLong()).isEqualTo(2);
        assertThat(report.path("records").path("errors").asLong()).isZero();
        assertThat(report.path("transitions").path("stillPasses").asLong()).isEqualTo(2);
        assertThat(report.path("exact").path("matches").asLong()).isEqualTo(2);
    }

    @Test
    void replaydKilledMidRunResumesAfterRestartWithNeitherDuplicatedNorMissingResults() {
        String id = start("""
                {"source":{"observations":{"keyIds":["%s"]}},"target":{"model":"replay/cassette"},
                 "concurrency":2,"ratePerSecond":4,"compare":["validation","exact"]}""".formatted(KILL_TAG));
        // replayd checkpoints every 16 records (lakehouse.replayd.batch-size): kill it past the first checkpoint.
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(id).path("done").asLong() >= 16);

        SUITE.restart("replayd");
        awaitState(id, "succeeded", Duration.ofSeconds(120));
        JsonNode view = Http.json(Http.get(SUITE.gateway().resolve("/v1/replays/" + id)));
        JsonNode report = Http.json(Http.get(SUITE.gateway().resolve("/v1/replays/" + id + "/report")));

        assertThat(lines(id).stream().map(line -> Http.JSON.readTree(line).path("seq").asLong()).toList())
                .containsExactlyElementsOf(LongStream.range(0, KILL_RECORDS).boxed().toList());
        assertThat(view.path("resumes").asInt()).isEqualTo(1);
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(report.path("records").path("total").asLong()).isEqualTo(KILL_RECORDS);
        assertThat(report.path("transitions").path("stillPasses").asLong()).isEqualTo(KILL_RECORDS);
        assertThat(report.path("exact").path("matches").asLong()).isEqualTo(KILL_RECORDS);
    }

    private static String start(String body) {
        HttpResponse<String> accepted = Http.post(SUITE.gateway().resolve("/v1/replays"), body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return Http.json(accepted).path("id").asString();
    }

    private static void awaitState(String id, String state, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode view = Http.json(Http.get(SUITE.gateway().resolve("/v1/replays/" + id)));
            assertThat(view.path("state").asString()).as(view.toString()).isNotIn("failed", "cancelled");
            return view.path("state").asString().equals(state);
        });
    }

    private static JsonNode progress(String id) {
        return Http.json(Http.get(SUITE.gateway().resolve("/v1/replays/" + id))).path("progress");
    }

    /** What the cassette answers for a prompt under a role, or the error code it gives. */
    private static String cassette(String role, String prompt) {
        HttpResponse<String> response = Http.post(SUITE.gateway().resolve("/v1/chat/completions"),
                "{\"model\":\"replay/cassette\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + Http.JSON.writeValueAsString(prompt) + "}]}", "X-Lakehouse-Role", role);
        JsonNode body = Http.json(response);
        return response.statusCode() == 200 ? body.path("choices").path(0).path("message").path("content").asString()
                : "error " + body.path("error").path("code").asString();
    }

    private static Map<String, JsonNode> resultsById(String id) {
        Map<String, JsonNode> byId = new HashMap<>();
        lines(id).forEach(line -> {
            JsonNode result = Http.JSON.readTree(line);
            byId.put(result.path("recordId").asString(), result);
        });
        return byId;
    }

    private static List<String> lines(String id) {
        try {
            return Files.readAllLines(SUITE.dataDir().resolve("lake/replays").resolve(id).resolve("results.jsonl"))
                    .stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long observationsWithKeyId(String keyId) throws IOException {
        Path observations = SUITE.dataDir().resolve("lake/observations");
        try (Stream<Path> files = Files.walk(observations)) {
            long count = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                count += Files.readAllLines(file).stream().filter(line -> line.contains("\"keyId\":\"" + keyId + "\""))
                        .count();
            }
            return count;
        }
    }

    /**
     * One chat call as chatd records it ({@code lakehouse.observation/v1}), answered by OpenAI's
     * {@code TAG} model for the key {@code TAG}; without an output it is a call the role rejected.
     */
    private static ObjectNode observation(String id, String role, @Nullable String systemPrompt, String prompt,
            @Nullable String output, Instant ts) {
        ObjectNode usage = Http.JSON.createObjectNode().put("promptTokens", 20).put("completionTokens", 8)
                .put("totalTokens", 28).put("estimated", false);
        ObjectNode record = Http.JSON.createObjectNode()
                .put("schema", "lakehouse.observation/v1").put("id", TAG + "-" + id).put("ts", ts.toString())
                .put("completedAt", ts.plusMillis(850).toString()).put("durationMs", 850.0)
                .put("requestId", "req-" + TAG + "-" + id).put("instance", "e2e").put("keyId", TAG).put("role", role)
                .put("contract", "text").put("surface", "openai").put("stream", false);
        ObjectNode request = record.putObject("request").put("model", "openai/" + TAG);
        request.put("systemPrompt", systemPrompt);
        request.putArray("messages").addObject().put("role", "user").put("content", prompt);
        request.putObject("params").put("temperature", 0.2).put("maxTokens", 200);
        ObjectNode attempt = ((ArrayNode) record.putArray("attempts")).addObject().put("n", 1).put("provider", "openai")
                .put("model", TAG).put("startedAt", ts.toString()).put("latencyMs", 800.0).put("httpStatus", 200);
        record.putObject("gate").put("allowed", true).putNull("allowedRoles").putArray("bleed");
        ObjectNode verdict = Http.JSON.createObjectNode().put("schema", "lakehouse.validation-verdict/v1")
                .put("contract", "text").put("validatorVersion", "chatd-text/1").put("durationMicros", 0);
        verdict.putArray("violations");
        if (output == null) {
            attempt.put("status", "invalid").put("output", "").set("usage", usage);
            attempt.putArray("violations").addObject().put("code", "text.empty").put("path", "")
                    .put("message", "the output is empty").put("severity", "error");
            record.put("outcome", "rejected").putNull("provider").putNull("model").putNull("output");
            record.set("usage", usage);
            verdict.put("valid", false);
        } else {
            attempt.put("status", "ok").put("output", output).set("usage", usage);
            attempt.putArray("violations");
            record.put("outcome", "ok").put("provider", "openai").put("model", TAG);
            record.putObject("output").put("content", output).put("finishReason", "stop");
            record.set("usage", usage);
            verdict.put("valid", true);
        }
        record.set("validation", verdict);
        record.putNull("error");
        return record;
    }

    /** Writes the records as one sealed segment of their day, all at once, as a lake writer seals one. */
    private static void writeSegment(Instant ts, List<ObjectNode> records) {
        Path dir = SUITE.dataDir().resolve("lake/observations").resolve("dt=" + ts.toString().substring(0, 10));
        String name = "chatd-" + TAG.replace("-", "") + "-000000.jsonl";
        StringBuilder lines = new StringBuilder();
        records.forEach(record -> lines.append(Http.JSON.writeValueAsString(record)).append('\n'));
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir.getParent(), "segment", ".tmp");
            Files.writeString(temp, lines);
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A role's system prompt as chatd's shipped roles file (the suite's) defines it: a YAML literal block. */
    private static String systemPrompt(String role) {
        Path roles = Path.of(System.getProperty("lakehouse.root", "..")).resolve("chatd/src/main/resources/roles.yml");
        List<String> lines;
        try {
            lines = Files.readAllLines(roles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf("  " + role + ":");
        for (int i = start + 1; start >= 0 && i < lines.size() && !lines.get(i).matches("  \\S.*"); i++) {
            if (lines.get(i).strip().equals("system-prompt: |")) {
                StringBuilder prompt = new StringBuilder();
                for (int j = i + 1; j < lines.size() && (lines.get(j).isBlank() || lines.get(j).startsWith("      ")); j++) {
                    prompt.append(lines.get(j).strip()).append('\n');
                }
                return prompt.toString();
            }
        }
        throw new IllegalStateException("no system-prompt block for role " + role + " in " + roles);
    }
}
