package dev.lakehouse.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.gateway.EdgeTestBase;
import dev.lakehouse.gateway.FakeDaemon;
import dev.lakehouse.gateway.TestKeys;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class StatusEndpointTests extends EdgeTestBase {

    @Test
    void statusPageShowsEveryDaemonWithVersionTrafficBreakersAndCollections() {
        daemon("vectord").on("/v1/collections", exchange -> FakeDaemon.respond(exchange, 200, "application/json",
                "{\"collections\":[{\"name\":\"docs\",\"dimension\":384,\"count\":1234,\"bytesOnDisk\":2097152}]}"));
        daemon("replayd").on("/v1/replays", exchange -> FakeDaemon.respond(exchange, 200, "application/json",
                "[{\"id\":\"run-7\",\"status\":\"COMPLETED\",\"finishedAt\":\"2026-11-25T09:00:00Z\"}]"));

        HttpResponse<String> response = sendWithKey(get("/status"), TestKeys.ALL);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String html = response.body();
        for (String daemon : new String[] {"gateway", "embedd", "vectord", "chatd", "validated", "materializerd", "replayd"}) {
            assertThat(html).contains("data-daemon=\"" + daemon + "\" data-health=\"UP\"");
        }
        assertThat(html).contains("1.2.3-embedd (abc1234)").contains("2m 5s").contains("embedd-backend")
                .contains("<td>docs</td>").contains("1,234").contains("2.0 MiB").contains("run-7").contains("COMPLETED")
                .containsPattern("<td>gateway: whole answers</td><td class=\"num[^\"]*\">[^<]+</td><td class=\"num\">[0-9,]+</td>")
                .contains("<td>embedd: inputs</td>");
        assertThat(daemon("vectord").seen()).anySatisfy(seen ->
                assertThat(seen.headers().getFirst("X-Lakehouse-Internal-Token")).isNotBlank());
    }
}
