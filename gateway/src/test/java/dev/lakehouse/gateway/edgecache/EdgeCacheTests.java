package dev.lakehouse.gateway.edgecache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.gateway.EdgeTestBase;
import dev.lakehouse.gateway.FakeDaemon;
import dev.lakehouse.gateway.TestKeys;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact repeats of an embeddings request are answered by the gateway; everything else reaches embedd. */
class EdgeCacheTests extends EdgeTestBase {

    private final AtomicInteger answered = new AtomicInteger();
    private String body;

    @BeforeEach
    void embeddAnswersWithACountedEmbedding() {
        body = "{\"model\":\"all-minilm\",\"input\":\"" + UUID.randomUUID() + "\"}";
        answerWith(200, "application/json", Map.of());
    }

    @Test
    void exactRepeatIsAnsweredByTheGatewayWithoutCallingEmbedd() {
        HttpResponse<String> first = embed(body, TestKeys.ALL);
        HttpResponse<String> second = embed(body, TestKeys.ALL);

        assertThat(daemon("embedd").seen()).hasSize(1);
        assertThat(first.headers().firstValue("X-Lakehouse-Cache")).hasValue("miss");
        assertThat(first.headers().firstValue("Age")).isEmpty();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(second.headers().firstValue("X-Lakehouse-Cache")).hasValue("hit");
        assertThat(second.headers().firstValue("Age")).hasValue("0");
        assertThat(second.headers().firstValue("X-Request-Id")).isPresent()
                .isNotEqualTo(first.headers().firstValue("X-Request-Id"));
    }

    @Test
    void anotherKeyGetsTheSameAnswerButOnlyAfterItsOwnKeyIsChecked() {
        embed(body, TestKeys.ALL);

        HttpResponse<String> withoutKey = send(post("/v1/embeddings", body));
        HttpResponse<String> otherKey = embed(body, TestKeys.EMBED_ONLY);

        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(otherKey.statusCode()).isEqualTo(200);
        assertThat(otherKey.headers().firstValue("X-Lakehouse-Cache")).hasValue("hit");
        assertThat(daemon("embedd").seen()).hasSize(1);
    }

    @Test
    void aDifferentBodyGoesToEmbedd() {
        embed(body, TestKeys.ALL);

        embed(body.replace("all-minilm", "all-minilm:l6-v2"), TestKeys.ALL);
        embed(body.replace("}", ",\"encoding_format\":\"base64\"}"), TestKeys.ALL);

        assertThat(daemon("embedd").seen()).hasSize(3);
    }

    @Test
    void theRequestReachesEmbeddWithItsBodyAndHeadersIntact() {
        embed(body, TestKeys.ALL);

        FakeDaemon.Seen seen = daemon("embedd").last();
        assertThat(seen.bodyBytes()).isEqualTo(body.length());
        assertThat(seen.headers().getFirst("Content-Length")).isEqualTo(Integer.toString(body.length()));
        assertThat(seen.headers().getFirst("X-Lakehouse-Key-Id")).isEqualTo("key_all");
        assertThat(seen.headers().getFirst("X-Lakehouse-Internal-Token")).isNotBlank();
    }

    @Test
    void clientsThatAskForAFreshAnswerGetOne() {
        embed(body, TestKeys.ALL);

        HttpResponse<String> noCache = send(post("/v1/embeddings", body).header("Cache-Control", "no-cache")
                .header("Authorization", TestKeys.bearer(TestKeys.ALL)));
        HttpResponse<String> pragma = send(post("/v1/embeddings", body).header("Pragma", "no-cache")
                .header("Authorization", TestKeys.bearer(TestKeys.ALL)));

        assertThat(noCache.headers().firstValue("X-Lakehouse-Cache")).hasValue("miss");
        assertThat(pragma.headers().firstValue("X-Lakehouse-Cache")).hasValue("miss");
        assertThat(daemon("embedd").seen()).hasSize(3);
    }

    @Test
    void errorsAreNeverKept() {
        answerWith(500, "application/json", Map.of());
        embed(body, TestKeys.ALL);
        answerWith(400, "application/json", Map.of());
        embed(body, TestKeys.ALL);
        embed(body, TestKeys.ALL);

        assertThat(daemon("embedd").seen()).hasSize(3);
    }

    @Test
    void answersThatAreNotPlainJsonOrForbidCachingAreNotKept() {
        answerWith(200, "text/plain", Map.of());
        embed(body, TestKeys.ALL);
        embed(body, TestKeys.ALL);
        answerWith(200, "application/json", Map.of("Cache-Control", "no-store"));
        embed(body, TestKeys.ALL);
        embed(body, TestKeys.ALL);

        assertThat(daemon("embedd").seen()).hasSize(4);
    }

    @Test
    void requestsWithAQueryOrAnotherMediaTypeAreNotAnsweredFromTheCache() {
        embed(body, TestKeys.ALL);

        send(post("/v1/embeddings?x=1", body).header("Authorization", TestKeys.bearer(TestKeys.ALL)));
        send(post("/v1/embeddings", body).setHeader("Content-Type", "text/plain")
                .header("Authorization", TestKeys.bearer(TestKeys.ALL)));
        send(post("/v1/embeddings", body).header("Accept", "text/html")
                .header("Authorization", TestKeys.bearer(TestKeys.ALL)));

        assertThat(daemon("embedd").seen()).hasSize(4);
    }

    @Test
    void aBodyWithoutContentLengthStreamsThroughToEmbedd() {
        for (int i = 0; i < 2; i++) {
            send(post("/v1/embeddings", "").POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .header("Authorization", TestKeys.bearer(TestKeys.ALL)));
        }

        assertThat(daemon("embedd").seen()).hasSize(2)
                .allSatisfy(seen -> assertThat(seen.bodyBytes()).isEqualTo(body.length()));
    }

    @Test
    void ollamasSurfaceIsNotCachedAtTheEdgeSinceItsAnswerCarriesTimings() {
        send(post("/api/embed", body).header("Authorization", TestKeys.bearer(TestKeys.ALL)));
        send(post("/api/embed", body).header("Authorization", TestKeys.bearer(TestKeys.ALL)));

        assertThat(daemon("embedd").seen()).hasSize(2);
    }

    @Test
    void hitsAndMissesAreCounted() {
        double hits = metric("lakehouse_gateway_cache_hits_total");
        double misses = metric("lakehouse_gateway_cache_misses_total");

        embed(body, TestKeys.ALL);
        embed(body, TestKeys.ALL);
        embed(body, TestKeys.ALL);

        assertThat(metric("lakehouse_gateway_cache_hits_total")).isEqualTo(hits + 2);
        assertThat(metric("lakehouse_gateway_cache_misses_total")).isEqualTo(misses + 1);
        assertThat(metric("lakehouse_gateway_cache_bytes")).isPositive();
    }

    private HttpResponse<String> embed(String json, String key) {
        return sendWithKey(post("/v1/embeddings", json), key);
    }

    /** embedd's answer: a body that says how many times it was asked, so a repeat from embedd would differ. */
    private void answerWith(int status, String contentType, Map<String, String> headers) {
        daemon("embedd").on("/v1/embeddings", exchange -> {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("X-Lakehouse-Cache", "miss");
            FakeDaemon.respond(exchange, status, contentType,
                    "{\"object\":\"list\",\"data\":[{\"index\":0,\"embedding\":[" + answered.incrementAndGet() + "]}]}");
        });
    }

    private double metric(String name) {
        String text = send(get("/actuator/prometheus")).body();
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
