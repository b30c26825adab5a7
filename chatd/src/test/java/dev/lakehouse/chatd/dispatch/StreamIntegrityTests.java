package dev.lakehouse.chatd.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.FakeServer.Reply;
import dev.lakehouse.chatd.fakes.Wire;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Retry and fallback only before the first byte; after it, a failure is an error event, never a clean end. */
class StreamIntegrityTests extends ChatdHarness {

    private static final String STREAM = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private HttpResponse<String> stream() {
        return post("/v1/chat/completions", STREAM, "X-Lakehouse-Role", "live-strict");
    }

    @Test
    void aStreamFailingBeforeItsFirstByteFailsOverUnseenByTheClient() {
        OPENAI.answerByDefault(request -> Wire.openAiError(500, "server_error", "boom"));
        OLLAMA.enqueue(Wire.ollamaStream("From ", "Ollama"));

        HttpResponse<String> response = stream();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Lakehouse-Provider")).hasValue("ollama");
        assertThat(response.body()).contains("From ").contains("Ollama").doesNotContain("error").endsWith("data: [DONE]\n\n");
    }

    @Test
    void aStreamCutBeforeItsFirstContentIsRetried() {
        OPENAI.enqueue(Reply.sse(Wire.openAiChunks(List.of(), false)), Wire.openAiStream("Hi", "!"));

        HttpResponse<String> response = stream();

        assertThat(response.body()).contains("\"Hi\"").endsWith("data: [DONE]\n\n");
        assertThat(observationOf(response).path("attempts").valueStream().map(a -> a.path("status").asString()))
                .containsExactly("stream_cut", "ok");
    }

    @Test
    void aStreamCutAfterTheFirstByteEndsWithAnErrorEventAndNoDone() {
        OPENAI.enqueue(Reply.sse(Wire.openAiChunks(List.of("Hel", "lo"), false)));

        HttpResponse<String> response = stream();

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = dataLines(response.body());
        assertThat(events).doesNotContain("[DONE]");
        assertThat(response.body()).contains("\"Hel\"");
        JsonNode error = JSON.readTree(events.getLast()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("stream_failed");
        assertThat(error.path("message").asString()).contains("stream cut");
        assertThat(OLLAMA.requests()).noneMatch(request -> request.path().equals("/api/chat"));
        JsonNode observation = observationOf(response);
        assertThat(observation.path("outcome").asString()).isEqualTo("failed");
        assertThat(observation.path("attempts").get(0).path("status").asString()).isEqualTo("stream_cut");
        assertThat(observation.path("attempts").get(0).path("output").asString()).isEqualTo("Hello");
    }

    @Test
    void aSlowFirstStreamedByteTimesOutAndFailsOver() {
        OPENAI.enqueue(Reply.slow(Duration.ofSeconds(4), Wire.openAiStream("late")));
        OLLAMA.enqueue(Wire.ollamaStream("on time"));

        HttpResponse<String> response = stream();

        assertThat(response.body()).contains("on time").doesNotContain("late").endsWith("data: [DONE]\n\n");
        assertThat(observationOf(response).path("attempts").get(0).path("status").asString()).isEqualTo("timeout");
    }

    @Test
    void aStreamFallingSilentAfterTheFirstByteEndsWithAnErrorEvent() {
        OPENAI.enqueue(((Reply.Stream) Reply.sse(Wire.openAiChunks(List.of("Hel"), false))).withHoldAtEnd(Duration.ofSeconds(5)));

        HttpResponse<String> response = stream();

        assertThat(dataLines(response.body())).doesNotContain("[DONE]");
        assertThat(response.body()).contains("timed out");
        assertThat(observationOf(response).path("attempts").get(0).path("status").asString()).isEqualTo("timeout");
    }

    @Test
    void usageIsEstimatedAndMarkedWhenTheStreamGivesNone() {
        List<String> events = new ArrayList<>(Wire.openAiChunks(List.of("Hello there"), false));
        events.add("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        events.add("data: [DONE]\n\n");
        OPENAI.enqueue(Reply.sse(events));

        HttpResponse<String> response = stream();

        JsonNode usage = observationOf(response).path("usage");
        assertThat(usage.path("estimated").asBoolean()).isTrue();
        assertThat(usage.path("completionTokens").asInt()).isEqualTo(3);
    }

    @Test
    void streamedUsageIsRecorded() {
        OPENAI.enqueue(Wire.openAiStream("a", "b", "c"));

        HttpResponse<String> response = stream();

        JsonNode observation = observationOf(response);
        assertThat(observation.path("stream").asBoolean()).isTrue();
        assertThat(observation.path("usage").path("promptTokens").asInt()).isEqualTo(11);
        assertThat(observation.path("usage").path("estimated").asBoolean()).isFalse();
        assertThat(observation.path("attempts").get(0).path("firstByteMs").isNumber()).isTrue();
    }

    @Test
    void anAnthropicSurfaceStreamCutEndsWithAnErrorEventAndNoMessageStop() {
        OPENAI.enqueue(Reply.sse(Wire.openAiChunks(List.of("Hel"), false)));

        HttpResponse<String> response = post("/v1/messages", "{\"model\":\"openai/gpt-test\",\"max_tokens\":50,"
                + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.body()).contains("event: content_block_delta").contains("event: error")
                .doesNotContain("message_stop");
        assertThat(response.body().strip()).endsWith("}");
    }

    @Test
    void anOllamaSurfaceStreamCutEndsWithAnErrorLineAndNoDoneLine() {
        OPENAI.enqueue(Reply.sse(Wire.openAiChunks(List.of("Hel"), false)));

        HttpResponse<String> response = post("/api/chat", "{\"model\":\"openai/gpt-test\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        List<String> lines = response.body().lines().toList();
        assertThat(lines).noneMatch(line -> line.contains("\"done\":true"));
        assertThat(JSON.readTree(lines.getLast()).path("error").asString()).contains("stream cut");
    }

    @Test
    void bleedFoundAtTheEndOfALiveStreamBecomesAnErrorEventUnderReject() {
        OPENAI.enqueue(Wire.openAiStream("Thanks! ", "Sent via Lakehouse Mail"));

        HttpResponse<String> response = stream();

        assertThat(dataLines(response.body())).doesNotContain("[DONE]");
        assertThat(JSON.readTree(dataLines(response.body()).getLast()).path("error").path("code").asString())
                .isEqualTo("output_rejected");
        assertThat(observationOf(response).path("outcome").asString()).isEqualTo("rejected");
    }

    @Test
    void aClientLeavingMidStreamEndsTheUpstreamCallAndIsRecordedAsCancelled() throws Exception {
        List<String> chunks = Wire.openAiChunks(java.util.Collections.nCopies(40, "word "), true);
        OPENAI.enqueue(new Reply.Stream("text/event-stream", chunks, Duration.ofMillis(100), Duration.ZERO));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("X-Lakehouse-Internal-Token", dev.lakehouse.chassis.testing.DaemonContractTests.TOKEN)
                .header("X-Lakehouse-Role", "live-strict").header("X-Request-Id", "leaving-client-" + System.nanoTime())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(STREAM)).build();
        HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            body.readNBytes(200);
        }

        JsonNode observation = observationOf(response.headers().firstValue("X-Request-Id").orElseThrow());

        assertThat(observation.path("outcome").asString()).isEqualTo("cancelled");
        assertThat(observation.path("error").path("code").asString()).isEqualTo("client_gone");
    }

    static List<String> dataLines(String body) {
        return body.lines().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6)).toList();
    }
}
