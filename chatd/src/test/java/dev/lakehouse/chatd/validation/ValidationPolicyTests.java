package dev.lakehouse.chatd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.FakeServer.Reply;
import dev.lakehouse.chatd.fakes.Wire;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Contract validation through validated (a stand-in speaking its verdict contract) and the on-invalid policies. */
class ValidationPolicyTests extends ChatdHarness {

    private static final String GOOD = "{\"to\":[\"bob@example.com\"],\"cc\":[],\"bcc\":[],\"subject\":\"Late\",\"body\":\"Hi Bob\"}";
    private static final String BAD = "{\"to\":[\"bob@\"],\"subject\":\"INVALID\",\"body\":\"Hi\"}";
    private static final String ASK = "{\"messages\":[{\"role\":\"user\",\"content\":\"Tell bob the report is late.\"}]}";

    private HttpResponse<String> ask(String role) {
        return post("/v1/chat/completions", ASK, "X-Lakehouse-Role", role);
    }

    @Test
    void aValidOutputIsCheckedByValidatedWithThePeerTokenAndReturned() {
        OPENAI.enqueue(Wire.openAiAnswer(GOOD, 30, 20));

        HttpResponse<String> response = ask("email-writer");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sent = VALIDATED.lastRequest().json();
        assertThat(sent.path("kind").asString()).isEqualTo("email");
        assertThat(sent.path("contract").asString()).isEqualTo("email");
        assertThat(sent.path("payload").asString()).isEqualTo(GOOD);
        assertThat(sent.path("context").path("systemPrompt").asString()).startsWith("You write short polite");
        assertThat(sent.path("context").path("roleMarkers").valueStream().map(JsonNode::asString))
                .contains("[assistant]", "\"shift_start\"").doesNotContain("Sent via Lakehouse Mail");
        assertThat(sent.path("context").propertyNames()).isSubsetOf("systemPrompt", "roleMarkers", "source");
        assertThat(VALIDATED.lastRequest().headers()).containsEntry("x-lakehouse-internal-token", DaemonContractTests.TOKEN);
        assertThat(OPENAI.lastRequest().headers()).doesNotContainKey("x-lakehouse-internal-token");
        JsonNode observation = observationOf(response);
        assertThat(observation.path("validation").path("valid").asBoolean()).isTrue();
        assertThat(observation.path("validation").path("validatorVersion").asString()).isEqualTo("stand-in/1");
    }

    @Test
    void reaskFeedsTheViolationsBackAndKeepsEveryAttempt() {
        OPENAI.enqueue(Wire.openAiAnswer(BAD, 30, 20), Wire.openAiAnswer(GOOD, 60, 20));

        HttpResponse<String> response = ask("email-writer");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("choices").get(0).path("message").path("content").asString()).isEqualTo(GOOD);
        JsonNode reask = OPENAI.lastRequest().json().path("messages");
        assertThat(reask.get(reask.size() - 2).path("content").asString()).isEqualTo(BAD);
        assertThat(reask.get(reask.size() - 1).path("content").asString()).contains("email.address.invalid")
                .contains("/to/0");
        JsonNode attempts = observationOf(response).path("attempts");
        assertThat(attempts.get(0).path("status").asString()).isEqualTo("invalid");
        assertThat(attempts.get(0).path("output").asString()).isEqualTo(BAD);
        assertThat(attempts.get(0).path("violations").get(0).path("code").asString()).isEqualTo("email.address.invalid");
        assertThat(attempts.get(1).path("reask").asBoolean()).isTrue();
        assertThat(attempts.get(1).path("status").asString()).isEqualTo("ok");
    }

    @Test
    void rejectRefusesAnInvalidOutputWithA422NamingTheViolations() {
        OPENAI.enqueue(Wire.openAiAnswer(BAD, 30, 20));

        HttpResponse<String> response = ask("strict-writer");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).path("error").path("code").asString()).isEqualTo("output_rejected");
        assertThat(json(response).path("error").path("message").asString()).contains("email.address.invalid");
        assertThat(ANTHROPIC.requests()).isEmpty();
        JsonNode observation = observationOf(response);
        assertThat(observation.path("outcome").asString()).isEqualTo("rejected");
        assertThat(observation.path("validation").path("valid").asBoolean()).isFalse();
    }

    @Test
    void fallbackTriesTheNextProviderWithAnInvalidOutput() {
        OPENAI.enqueue(Wire.openAiAnswer(BAD, 30, 20));
        ANTHROPIC.enqueue(Wire.anthropicAnswer(GOOD, 30, 20));

        HttpResponse<String> response = ask("fallback-writer");

        assertThat(response.headers().firstValue("X-Lakehouse-Provider")).as(response.body()).hasValue("anthropic");
        assertThat(observationOf(response).path("attempts").valueStream().map(a -> a.path("status").asString()))
                .containsExactly("invalid", "ok");
    }

    @Test
    void flagReturnsTheInvalidOutputMarkedAsFlagged() {
        OPENAI.enqueue(Wire.openAiAnswer(BAD, 30, 20));

        HttpResponse<String> response = ask("flag-writer");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Lakehouse-Violations")).hasValue("email.address.invalid");
        assertThat(json(response).path("lakehouse").path("outcome").asString()).isEqualTo("flagged");
        assertThat(observationOf(response).path("outcome").asString()).isEqualTo("flagged");
    }

    @Test
    void whenValidatedCannotAnswerAnEmailIsWithheldFailClosed() {
        VALIDATED.answerByDefault(request -> Reply.json(503, "{\"status\":503}"));
        OPENAI.enqueue(Wire.openAiAnswer(GOOD, 30, 20));

        HttpResponse<String> response = ask("email-writer");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").path("code").asString()).isEqualTo("validation_unavailable");
        JsonNode observation = observationOf(response);
        assertThat(observation.path("outcome").asString()).isEqualTo("failed");
        assertThat(observation.path("attempts").get(0).path("violations").get(0).path("code").asString())
                .isEqualTo("validation.unavailable");
    }

    @Test
    void textContractsAreNotSentToValidated() {
        HttpResponse<String> response = ask("assistant");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(VALIDATED.requests()).isEmpty();
        assertThat(observationOf(response).path("validation").path("validatorVersion").asString())
                .isEqualTo("chatd-text/1");
    }

    @Test
    void aFillRoleSendsItsFillContract() {
        GEMINI.enqueue(Wire.geminiAnswer("{\"shift_start\":\"2026-12-01T08:00\",\"shift_end\":\"2026-12-01T16:00\"}", 9, 9));

        HttpResponse<String> response = ask("form-filler");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(VALIDATED.lastRequest().json().path("kind").asString()).isEqualTo("fill");
        assertThat(VALIDATED.lastRequest().json().path("contract").asString())
                .isEqualTo("fill:lakehouse.contract.shift-fill/v1");
        assertThat(VALIDATED.lastRequest().json().path("context").path("source").asString())
                .isEqualTo("Tell bob the report is late.");
    }

    @Test
    void aStreamOfACheckedContractIsValidatedBeforeItsFirstByte() {
        OPENAI.enqueue(Wire.openAiAnswer(BAD, 30, 20), Wire.openAiAnswer(GOOD, 30, 20));

        HttpResponse<String> response = post("/v1/chat/completions",
                "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "X-Lakehouse-Role", "email-writer");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> data = response.body().lines().filter(line -> line.startsWith("data: ")).toList();
        assertThat(data.getLast()).isEqualTo("data: [DONE]");
        assertThat(response.body()).doesNotContain("bob@\\\"");
        assertThat(observationOf(response).path("stream").asBoolean()).isTrue();
    }

    @Test
    void aContractTheClientExpectsMustBeTheRoles() {
        HttpResponse<String> response = post("/v1/chat/completions",
                "{\"lakehouse\":{\"role\":\"assistant\",\"contract\":\"email\"},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("param").asString()).isEqualTo("lakehouse.contract");
    }
}
