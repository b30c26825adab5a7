package dev.lakehouse.chatd.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gate's first half: the key's allowed roles, as the gateway forwards them. */
class GateTests extends ChatdHarness {

    private static final String ASK = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void aRoleTheKeyIsAllowedIsServedAndTheKeyIdRecorded() {
        HttpResponse<String> response = post("/v1/chat/completions", ASK, "X-Lakehouse-Role", "assistant",
                "X-Lakehouse-Key-Id", "key_team_a", "X-Lakehouse-Allowed-Roles", "assistant, email-writer");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode observation = observationOf(response);
        assertThat(observation.path("keyId").asString()).isEqualTo("key_team_a");
        assertThat(observation.path("gate").path("allowed").asBoolean()).isTrue();
        assertThat(observation.path("gate").path("allowedRoles").valueStream().map(JsonNode::asString))
                .containsExactly("assistant", "email-writer");
    }

    @Test
    void aRoleTheKeyIsNotAllowedIsA403InTheSurfacesShapeAndADeniedObservation() {
        HttpResponse<String> response = post("/v1/chat/completions", ASK, "X-Lakehouse-Role", "email-writer",
                "X-Lakehouse-Key-Id", "key_team_a", "X-Lakehouse-Allowed-Roles", "assistant");

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asString()).isEqualTo("permission_error");
        assertThat(error.path("code").asString()).isEqualTo("role_not_allowed");
        assertThat(error.path("message").asString()).contains("email-writer").contains("key_team_a");
        assertThat(OPENAI.requests()).isEmpty();
        JsonNode observation = observationOf(response);
        assertThat(observation.path("outcome").asString()).isEqualTo("denied");
        assertThat(observation.path("gate").path("allowed").asBoolean()).isFalse();
        assertThat(observation.path("attempts")).isEmpty();
    }

    @Test
    void theDeniedAnswerHasEachSurfacesShape() {
        HttpResponse<String> ollama = post("/api/chat", "{\"stream\":false," + ASK.substring(1),
                "X-Lakehouse-Allowed-Roles", "assistant");
        HttpResponse<String> anthropic = post("/v1/messages", "{\"max_tokens\":10," + ASK.substring(1),
                "X-Lakehouse-Allowed-Roles", "assistant");

        assertThat(ollama.statusCode()).isEqualTo(403);
        assertThat(json(ollama).path("error").asString()).contains("may not use role 'default'");
        assertThat(anthropic.statusCode()).isEqualTo(403);
        assertThat(json(anthropic).path("type").asString()).isEqualTo("error");
        assertThat(json(anthropic).path("error").path("type").asString()).isEqualTo("permission_error");
    }

    @Test
    void withoutTheHeaderEveryRoleIsAllowed() {
        HttpResponse<String> response = post("/v1/chat/completions", ASK, "X-Lakehouse-Role", "email-writer");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(observationOf(response).path("gate").path("allowedRoles").isMissingNode()).isTrue();
    }

    @Test
    void anEmptyHeaderAllowsNoRole() {
        HttpResponse<String> response = post("/v1/chat/completions", ASK, "X-Lakehouse-Allowed-Roles", " ");

        assertThat(response.statusCode()).isEqualTo(403);
    }
}
