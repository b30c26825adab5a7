package dev.lakehouse.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.gateway.EdgeTestBase;
import dev.lakehouse.gateway.TestKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RateAndConcurrencyLimitTests extends EdgeTestBase {

    @Test
    void keyOverItsRateGets429WithRetryAfterInTheRoutesShape() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 3; i++) {
            last = sendWithKey(post("/v1/embeddings", "{}"), TestKeys.RATE_LIMITED);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(last.headers().firstValue("retry-after-ms")).isPresent();
        JsonNode error = JSON.readTree(last.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").asString()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void secondConcurrentRequestOfAOneAtATimeKeyIs429UntilTheFirstStreamEnds() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        daemon("chatd").on("/v1/chat/completions", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("data: {\"delta\":\"hel\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            streaming.countDown();
            awaitQuietly(finish);
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        CompletableFuture<HttpResponse<String>> stream = http.sendAsync(
                post("/v1/chat/completions", "{\"stream\":true}").header("Authorization", TestKeys.bearer(TestKeys.ONE_AT_A_TIME)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streaming.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> second = sendWithKey(post("/v1/validate", "{}"), TestKeys.ONE_AT_A_TIME);
        finish.countDown();

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(second.body()).path("code").asString()).isEqualTo("concurrency_limit_exceeded");
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(stream.get(10, TimeUnit.SECONDS).body()).contains("[DONE]");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sendWithKey(post("/v1/validate", "{}"), TestKeys.ONE_AT_A_TIME).statusCode()).isEqualTo(200));
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
