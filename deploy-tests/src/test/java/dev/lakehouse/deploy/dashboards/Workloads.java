package dev.lakehouse.deploy.dashboards;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.FakeOllama;
import dev.lakehouse.deploy.support.Http;
import java.util.List;
import java.util.Map;

/**
 * A little real traffic per daemon, so that meters registered on first use (latency timers,
 * per-collection gauges, cache counters) exist before the exposition is read.
 */
final class Workloads {

    private Workloads() {
    }

    /**
     * @param peer calls the daemon with the internal token
     * @param client calls it as a client with an API key (the gateway)
     */
    static void exercise(Daemon daemon, Http peer, Http client) {
        switch (daemon) {
            case GATEWAY -> {
                peer.get("/v1/health");
                peer.get("/v1/models");
                // Routed to validated, which is not running: the route's breaker counts the failure.
                client.post("/v1/validate", Map.of("kind", "email", "payload", Map.of()));
            }
            case EMBEDD -> {
                Map<String, Object> request = Map.of("model", "all-minilm", "input", "dashboards need traffic");
                peer.post("/v1/embeddings", request);
                peer.post("/v1/embeddings", request);
            }
            case VECTORD -> {
                peer.put("/v1/collections/dashboard_test", Map.of("dimension", 2, "metric", "cosine"));
                peer.post("/v1/collections/dashboard_test/points?wait=true", Map.of("points",
                        List.of(Map.of("id", "p", "vector", List.of(0.6, 0.8), "payload", Map.of()))));
                peer.post("/v1/collections/dashboard_test/search", Map.of("vector", List.of(0.6, 0.8), "k", 1));
            }
            case CHATD -> peer.post("/v1/chat/completions", Map.of("model", "ollama/" + FakeOllama.MODEL,
                    "messages", List.of(Map.of("role", "user", "content", "Hello"))));
            case VALIDATED -> peer.post("/v1/validate", Map.of("kind", "email", "payload",
                    Map.of("to", List.of("ops@example.com"), "subject", "Metrics", "body", "Hi team,\n\nall good.\n\nOps")));
            case MATERIALIZERD -> peer.get("/v1/datasets");
            case REPLAYD -> peer.get("/v1/replays");
        }
        peer.get("/actuator/prometheus");
    }
}
