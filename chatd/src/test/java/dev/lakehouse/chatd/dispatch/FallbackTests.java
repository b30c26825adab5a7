package dev.lakehouse.chatd.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.FakeServer.Reply;
import dev.lakehouse.chatd.fakes.Wire;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The fallback matrix: what each provider failure leads to, attempt by attempt. */
class FallbackTests extends ChatdHarness {

    private static final String ASK = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private HttpResponse<String> askAssistant() {
        return post("/v1/chat/completions", ASK, "X-Lakehouse-Role", "assistant");
    }

    private List<String> attempts(HttpResponse<String> response) {
        return observationOf(response).path("attempts").valueStream()
                .map(attempt -> attempt.path("provider").asString() + ":" + attempt.path("status").asString()
                        + (attempt.path("httpStatus").isNumber() ? ":" + attempt.path("httpStatus").asInt() : ""))
                .toList();
    }

    @Test
    void a500IsRetriedOnTheSameProvider() {
        OPENAI.enqueue(Wire.openAiError(500, "server_error", "boom"));

        HttpResponse<String> response = askAssistant();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Lakehouse-Provider")).hasValue("openai");
        assertThat(response.headers().firstValue("X-Lakehouse-Attempts")).hasValue("2");
        assertThat(attempts(response)).containsExactly("openai:error:500", "openai:ok:200");
    }

    @Test
    void aProviderFailingEveryRetryFallsBackToTheNext() {
        OPENAI.answerByDefault(request -> Wire.openAiError(503, "server_error", "overloaded"));

        HttpResponse<String> response = askAssistant();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Hello from Claude.");
        assertThat(attempts(response)).containsExactly("openai:error:503", "openai:error:503", "openai:error:503",
                "anthropic:ok:200");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        OPENAI.enqueue(Wire.openAiError(429, "requests", "slow down", Map.of("Retry-After", "0")));

        HttpResponse<String> response = askAssistant();

        assertThat(attempts(response)).containsExactly("openai:error:429", "openai:ok:200");
    }

    @Test
    void a429AskingForALongerWaitThanHonouredFailsOverAtOnce() {
        OPENAI.enqueue(Wire.openAiError(429, "requests", "slow down", Map.of("Retry-After", "3600")));

        HttpResponse<String> response = askAssistant();

        assertThat(attempts(response)).containsExactly("openai:error:429", "anthropic:ok:200");
    }

    @Test
    void a401MeansOurKeyIsBadAndFailsOverWithoutRetrying() {
        OPENAI.enqueue(Wire.openAiError(401, "invalid_request_error", "Incorrect API key provided: " + OPENAI_KEY));

        HttpResponse<String> response = askAssistant();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(attempts(response)).containsExactly("openai:error:401", "anthropic:ok:200");
        assertThat(observationOf(response).toString()).doesNotContain(OPENAI_KEY);
    }

    @Test
    void a400CausedByTheRequestIsReturnedWithoutRetryOrFallback() {
        OPENAI.enqueue(Wire.openAiError(400, "invalid_request_error", "Invalid 'messages[0].name': string too long."));

        HttpResponse<String> response = askAssistant();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").asString()).contains("string too long");
        assertThat(ANTHROPIC.requests()).isEmpty();
        assertThat(attempts(response)).containsExactly("openai:client_error:400");
        assertThat(observationOf(response).path("outcome").asString()).isEqualTo("failed");
    }

    @Test
    void aSlowFirstByteTimesOutAndFailsOver() {
        OPENAI.enqueue(Reply.slow(Duration.ofSeconds(4), Wire.openAiAnswer("too late", 1, 1)));

        HttpResponse<String> response = askAssistant();

        assertThat(response.headers().firstValue("X-Lakehouse-Provider")).hasValue("anthropic");
        assertThat(attempts(response)).containsExactly("openai:timeout", "anthropic:ok:200");
    }

    @Test
    void anOpenCircuitIsSkippedWithoutCallingTheProvider() {
        guards.guard("openai").breaker().transitionToOpenState();

        HttpResponse<String> response = askAssistant();

        assertThat(OPENAI.requests()).isEmpty();
        assertThat(attempts(response)).containsExactly("openai:circuit_open", "anthropic:ok:200");
    }

    @Test
    void whenEveryProviderFailsTheRoleAttemptLimitStopsAndTheClientGetsA502ListingTheFailures() {
        OPENAI.answerByDefault(request -> Wire.openAiError(500, "server_error", "openai is down"));
        ANTHROPIC.answerByDefault(request -> Wire.anthropicError(529, "overloaded_error", "Overloaded"));

        HttpResponse<String> response = askAssistant();

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asString()).isEqualTo("upstream_failed");
        assertThat(error.path("message").asString()).contains("openai is down").contains("Overloaded");
        assertThat(attempts(response)).hasSize(6);
        assertThat(GEMINI.requests()).isEmpty();
        assertThat(observationOf(response).path("outcome").asString()).isEqualTo("failed");
    }

    @Test
    void aChainModelMissingAtItsProviderIsAConfigurationFaultThatFailsOver() {
        OPENAI.enqueue(Wire.openAiError(404, "invalid_request_error", "The model `gpt-test` does not exist"));

        HttpResponse<String> response = askAssistant();

        assertThat(attempts(response)).containsExactly("openai:client_error:404", "anthropic:ok:200");
    }

    @Test
    void aModelTheClientNamedThatTheProviderDoesNotHaveIsA404() {
        OPENAI.enqueue(Wire.openAiError(404, "invalid_request_error", "The model `gpt-nope` does not exist"));

        HttpResponse<String> response = post("/v1/chat/completions", chat("openai/gpt-nope", "hi"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("message").asString()).contains("gpt-nope");
    }
}
