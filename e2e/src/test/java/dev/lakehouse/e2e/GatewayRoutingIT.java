package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.e2e.support.Http;
import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The gateway routes each public path to the daemon that owns it, over real HTTP between real processes. */
class GatewayRoutingIT {

    /** One public path per daemon, as routed by the gateway (DESIGN section 4). */
    static final Map<String, String> ROUTE_OF = Map.of(
            "embedd", "/v1/embeddings",
            "vectord", "/v1/collections",
            "chatd", "/v1/chat/completions",
            "validated", "/v1/validate",
            "materializerd", "/v1/materializations",
            "replayd", "/v1/replays");

    private final Suite suite = SharedSuite.get();

    static Iterable<String> daemons() {
        return ROUTE_OF.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("daemons")
    void callersRequestIdReachesTheDaemonBehindTheRoute(String daemon) {
        String requestId = "it-" + daemon + "-" + UUID.randomUUID();

        HttpResponse<String> response = Http.post(suite.gateway().resolve(ROUTE_OF.get(daemon)), "{}",
                "X-Request-Id", requestId);

        assertThat(response.statusCode()).as("answered by %s, not by the gateway's fallback", daemon).isNotEqualTo(503);
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly(requestId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(suite.logs(daemon)).contains("rid=" + requestId));
    }

    @Test
    void requestWithoutIdGetsOneThatTheDaemonSeesToo() {
        HttpResponse<String> response = Http.post(suite.gateway().resolve("/v1/validate"), "{}");

        String generated = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).startsWith("req_");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(suite.logs("validated")).contains("rid=" + generated));
    }

    @Test
    void clientCannotImpersonateTheGatewayWithTheInternalHeader() {
        HttpResponse<String> direct = Http.post(suite.url("validated").resolve("/v1/validate"), "{}",
                "X-Lakehouse-Internal-Token", "forged-token-forged-token");

        assertThat(direct.statusCode()).isEqualTo(401);
    }

    @Test
    void healthListsAllSevenDaemonsUp() {
        JsonNode health = Http.json(Http.get(suite.gateway().resolve("/v1/health")));

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("daemons").valueStream().map(d -> d.path("name").asString()))
                .containsExactlyElementsOf(Suite.DAEMONS);
        assertThat(health.path("daemons").valueStream().map(d -> d.path("status").asString())).containsOnly("UP");
    }

    @Test
    void unknownPathIsA404ProblemFromTheGateway() {
        HttpResponse<String> response = Http.get(suite.gateway().resolve("/v1/nothing-here"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }
}
