package dev.lakehouse.chatd.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.Wire;
import dev.lakehouse.schemas.SchemaCatalog;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** One observation per call, whatever the outcome; every one valid against lakehouse.observation/v1; no secret in it. */
@ExtendWith(OutputCaptureExtension.class)
class ObservationTests extends ChatdHarness {

    @Test
    void everyCallWritesOneObservationThatValidatesWhateverItsOutcome() {
        HttpResponse<String> served = post("/v1/chat/completions", chat("openai/gpt-test", "ok call"));
        OPENAI.enqueue(Wire.openAiError(401, "invalid_request_error", "Incorrect API key provided: " + OPENAI_KEY));
        HttpResponse<String> failedOver = post("/v1/chat/completions",
                "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"s\"}]}", "X-Lakehouse-Role", "assistant");
        List<HttpResponse<String>> calls = List.of(served, failedOver,
                post("/api/chat", "{\"messages\":[{\"role\":\"user\",\"content\":\"denied\"}]}",
                        "X-Lakehouse-Allowed-Roles", "assistant", "X-Lakehouse-Key-Id", "key_x"),
                post("/v1/messages", "{\"max_tokens\":9,\"model\":\"replay/x\",\"messages\":[{\"role\":\"user\",\"content\":\"miss\"}]}"),
                post("/v1/chat/completions", chat("nope", "unknown model")));

        List<String> outcomes = calls.stream().map(call -> observationOf(call).path("outcome").asString()).toList();

        assertThat(outcomes).containsExactly("ok", "ok", "denied", "failed", "failed");
        for (HttpResponse<String> call : calls) {
            String requestId = call.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(observations()).filteredOn(node -> requestId.equals(node.path("requestId").asString())).hasSize(1);
        }
        for (JsonNode observation : observations()) {
            assertThat(SchemaCatalog.standard().validate(observation)).as(observation.toString()).isEmpty();
        }
    }

    @Test
    void theObservationHoldsTheRequestTheAttemptsTheVerdictsAndTheOutput() {
        HttpResponse<String> response = post("/v1/chat/completions", "{\"temperature\":0.3,\"max_tokens\":50,\"stop\":\"END\","
                + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"hi\"}]}",
                "X-Lakehouse-Role", "assistant", "X-Lakehouse-Key-Id", "key_ops");

        JsonNode observation = observationOf(response);

        assertThat(observation.path("schema").asString()).isEqualTo("lakehouse.observation/v1");
        assertThat(observation.path("role").asString()).isEqualTo("assistant");
        assertThat(observation.path("contract").asString()).isEqualTo("text");
        assertThat(observation.path("surface").asString()).isEqualTo("openai");
        assertThat(observation.path("keyId").asString()).isEqualTo("key_ops");
        assertThat(observation.path("stream").asBoolean()).isFalse();
        assertThat(observation.path("request").path("systemPrompt").asString()).startsWith("You are the Lakehouse team");
        assertThat(observation.path("request").path("messages")).hasSize(2);
        assertThat(observation.path("request").path("params").path("maxTokens").asInt()).isEqualTo(50);
        assertThat(observation.path("provider").asString()).isEqualTo("openai");
        assertThat(observation.path("model").asString()).isEqualTo("gpt-test");
        assertThat(observation.path("output").path("content").asString()).isEqualTo("Hello from OpenAI.");
        assertThat(observation.path("usage").path("totalTokens").asInt()).isEqualTo(16);
        JsonNode attempt = observation.path("attempts").get(0);
        assertThat(attempt.path("n").asInt()).isEqualTo(1);
        assertThat(attempt.path("latencyMs").asDouble()).isNotNegative();
        assertThat(attempt.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(observation.path("gate").path("bleed")).isEmpty();
        assertThat(observation.path("validation").path("valid").asBoolean()).isTrue();
        assertThat(observation.path("instance").asString()).isNotBlank();
    }

    @Test
    void keysNeverReachTheLakeTheLogsOrTheClient(CapturedOutput output) {
        OPENAI.enqueue(Wire.openAiError(401, "invalid_request_error", "Incorrect API key provided: " + OPENAI_KEY));
        ANTHROPIC.enqueue(Wire.anthropicError(401, "authentication_error", "invalid x-api-key " + ANTHROPIC_KEY));
        GEMINI.enqueue(Wire.geminiError(400, "INVALID_ARGUMENT", "API key not valid: " + GEMINI_KEY));

        HttpResponse<String> response = post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "X-Lakehouse-Role", "assistant");

        observationOf(response);
        for (String key : List.of(OPENAI_KEY, ANTHROPIC_KEY, GEMINI_KEY)) {
            assertThat(response.body()).doesNotContain(key);
            assertThat(lakeText()).doesNotContain(key);
            assertThat(output.getAll()).doesNotContain(key);
        }
        assertThat(json(get("/actuator/health")).toString()).doesNotContain(OPENAI_KEY);
    }
}
