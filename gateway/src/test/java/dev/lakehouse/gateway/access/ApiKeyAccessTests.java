package dev.lakehouse.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.gateway.EdgeTestBase;
import dev.lakehouse.gateway.FakeDaemon;
import dev.lakehouse.gateway.TestKeys;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiKeyAccessTests extends EdgeTestBase {

    @Test
    void requestWithoutKeyIs401InOpenAisShapeOnAnOpenAiRoute() {
        HttpResponse<String> response = send(post("/v1/embeddings", "{\"input\":\"hi\"}"));

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("authentication_error");
        assertThat(error.path("code").asString()).isEqualTo("missing_api_key");
        assertThat(error.has("param")).isTrue();
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"lakehouse\"");
        assertThat(daemon("embedd").seen()).isEmpty();
    }

    @Test
    void unknownKeyIs401InOllamasShapeOnAnOllamaRouteAndIsNotEchoed() {
        HttpResponse<String> response = sendWithKey(post("/api/chat", "{}"), "lh_not-a-real-key");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asString()).contains("unknown or was revoked");
        assertThat(response.body()).doesNotContain("lh_not-a-real-key");
    }

    @Test
    void unknownKeyIs401InAnthropicsShapeOnTheMessagesRoute() {
        HttpResponse<String> response = send(post("/v1/messages", "{}").header("x-api-key", "lh_wrong"));

        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body.path("type").asString()).isEqualTo("error");
        assertThat(body.path("error").path("type").asString()).isEqualTo("authentication_error");
    }

    @Test
    void unknownKeyIs401ProblemOnOtherRoutes() {
        HttpResponse<String> response = sendWithKey(post("/v1/validate", "{}"), "lh_wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("invalid_api_key");
    }

    @Test
    void bearerAndXApiKeyAreBothAccepted() {
        assertThat(sendWithKey(post("/v1/validate", "{}"), TestKeys.ALL).statusCode()).isEqualTo(200);
        assertThat(send(post("/v1/validate", "{}").header("x-api-key", TestKeys.ALL)).statusCode()).isEqualTo(200);
        assertThat(send(post("/v1/validate", "{}").header("Authorization", "bearer " + TestKeys.ALL)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void keyWithoutTheRouteGroupIs403NamingTheGroup() {
        HttpResponse<String> response = sendWithKey(post("/v1/chat/completions", "{}"), TestKeys.EMBED_ONLY);

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("permission_error");
        assertThat(error.path("message").asString()).contains("key_embed").contains("'chat'");
        assertThat(daemon("chatd").seen()).isEmpty();
        assertThat(sendWithKey(post("/v1/embeddings", "{}"), TestKeys.EMBED_ONLY).statusCode()).isEqualTo(200);
    }

    @Test
    void daemonReceivesTheKeyIdAndItsAllowedRolesAndCollectionsButNeverTheKey() {
        sendWithKey(post("/v1/chat/completions", "{}")
                .header("X-Lakehouse-Allowed-Roles", "admin")
                .header("X-Lakehouse-Key-Id", "key_all")
                .header("x-api-key", "lh_other"), TestKeys.NARROW);

        FakeDaemon.Seen seen = daemon("chatd").last();
        assertThat(seen.headers().getFirst("X-Lakehouse-Key-Id")).isEqualTo("key_narrow");
        assertThat(seen.headers().getFirst("X-Lakehouse-Allowed-Roles")).isEqualTo("support,writer");
        assertThat(seen.headers().getFirst("X-Lakehouse-Allowed-Collections")).isEqualTo("docs");
        assertThat(seen.headers().containsKey("Authorization")).isFalse();
        assertThat(seen.headers().containsKey("x-api-key")).isFalse();
    }

    @Test
    void keyAllowedEverythingForwardsNoRoleOrCollectionHeader() {
        sendWithKey(post("/v1/collections/docs/search", "{}"), TestKeys.ALL);

        FakeDaemon.Seen seen = daemon("vectord").last();
        assertThat(seen.headers().getFirst("X-Lakehouse-Key-Id")).isEqualTo("key_all");
        assertThat(seen.headers().containsKey("X-Lakehouse-Allowed-Roles")).isFalse();
        assertThat(seen.headers().containsKey("X-Lakehouse-Allowed-Collections")).isFalse();
    }

    @Test
    void suiteHealthAndProbesNeedNoKey() {
        assertThat(send(get("/v1/health")).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health/readiness")).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/prometheus")).statusCode()).isEqualTo(200);
    }

    @Test
    void statusPageAsksABrowserForTheKeyAndAcceptsItAsBasicPassword() {
        HttpResponse<String> anonymous = send(get("/status"));
        String basic = Base64.getEncoder().encodeToString(("operator:" + TestKeys.ALL).getBytes());
        HttpResponse<String> withBasic = send(get("/status").header("Authorization", "Basic " + basic));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Basic realm="));
        assertThat(withBasic.statusCode()).isEqualTo(200);
    }

    @Test
    void statusPageNeedsTheAdminGroup() {
        assertThat(sendWithKey(get("/status"), TestKeys.EMBED_ONLY).statusCode()).isEqualTo(403);
    }

    @Test
    void basicCredentialsAreRefusedOutsideTheStatusPage() {
        String basic = Base64.getEncoder().encodeToString(("x:" + TestKeys.ALL).getBytes());

        assertThat(send(post("/v1/validate", "{}").header("Authorization", "Basic " + basic)).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownPathWithAKeyIs404AndWithoutOneIs401() {
        assertThat(sendWithKey(get("/v2/nothing"), TestKeys.ALL).statusCode()).isEqualTo(404);
        assertThat(send(get("/v2/nothing")).statusCode()).isEqualTo(401);
    }
}
