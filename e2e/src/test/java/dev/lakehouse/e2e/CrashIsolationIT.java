package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.e2e.support.Http;
import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One daemon dies with kill -9; only its routes notice, and it comes back. */
class CrashIsolationIT {

    private final Suite suite = SharedSuite.get();

    @Test
    void killedDaemonsRoutesAnswer503QuicklyWhileTheOthersServeAndItReturns() {
        suite.kill("vectord");

        long start = System.nanoTime();
        HttpResponse<String> dead = Http.get(suite.gateway().resolve("/v1/collections"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(dead.statusCode()).isEqualTo(503);
        assertThat(dead.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(dead).path("detail").asString()).contains("vectord");
        assertThat(elapsed).isLessThan(Duration.ofSeconds(2));

        for (var entry : GatewayRoutingIT.ROUTE_OF.entrySet()) {
            if (!entry.getKey().equals("vectord")) {
                assertThat(Http.post(suite.gateway().resolve(entry.getValue()), "{}").statusCode())
                        .as("%s still answers", entry.getKey()).isNotEqualTo(503);
            }
        }

        JsonNode health = Http.json(Http.get(suite.gateway().resolve("/v1/health")));
        assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(statusOf(health, "vectord")).isEqualTo("DOWN");
        assertThat(statusOf(health, "embedd")).isEqualTo("UP");

        suite.restart("vectord");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode back = Http.json(Http.get(suite.gateway().resolve("/v1/health")));
            assertThat(statusOf(back, "vectord")).isEqualTo("UP");
            assertThat(back.path("status").asString()).isEqualTo("UP");
        });
        // The breaker half-opens 5 s after it opened; then the route serves again.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Http.get(suite.gateway().resolve("/v1/collections")).statusCode()).isNotEqualTo(503));
    }

    private static String statusOf(JsonNode health, String daemon) {
        return health.path("daemons").valueStream()
                .filter(d -> d.path("name").asString().equals(daemon))
                .map(d -> d.path("status").asString())
                .findFirst().orElse("MISSING");
    }
}
