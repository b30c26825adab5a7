package dev.lakehouse.embedd.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.embedd.testing.FakeOllama;
import dev.lakehouse.embedd.testing.OllamaTestProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The Ollama client against a local server speaking Ollama's wire format; no Spring context. */
class OllamaClientTests {

    private static final FakeOllama ollama = FakeOllama.start();

    private OllamaResilience resilience;
    private OllamaClient client;

    @BeforeEach
    void freshClientAndHealthyOllama() {
        ollama.reset();
        OllamaProperties properties = OllamaTestProperties.of(ollama.baseUrl());
        resilience = OllamaResilience.from(properties);
        client = new OllamaClient(RestClient.builder(), properties, resilience);
    }

    @AfterAll
    static void stopOllama() {
        ollama.close();
    }

    @Test
    void embedsABatchInOneCallInInputOrder() {
        OllamaWire.EmbedResponse response = client.embed(request("first text", "second text"));

        assertThat(ollama.embedCalls()).isEqualTo(1);
        assertThat(response.embeddings()).hasSize(2);
        assertThat(response.embeddings().get(0)).containsExactly(FakeOllama.vectorOf(FakeOllama.MODEL, "first text", 8));
        assertThat(response.embeddings().get(1)).containsExactly(FakeOllama.vectorOf(FakeOllama.MODEL, "second text", 8));
        assertThat(response.promptEvalCount()).isEqualTo(8);
    }

    @Test
    void unknownModelIsA404WithOllamasMessageAndIsNotRetried() {
        assertThatThrownBy(() -> client.embed(new OllamaWire.EmbedRequest("no-such-model", List.of("x"), true, null)))
                .isInstanceOfSatisfying(OllamaResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.ollamaMessage()).isEqualTo("model 'no-such-model' not found");
                });
        assertThat(ollama.embedCalls()).isEqualTo(1);
    }

    @Test
    void serverErrorIsRetriedAndATransientOneIsInvisible() {
        ollama.failNext(1, 500, "llama runner process has terminated", null);

        OllamaWire.EmbedResponse response = client.embed(request("text"));

        assertThat(response.embeddings()).hasSize(1);
        assertThat(ollama.embedCalls()).isEqualTo(2);
    }

    @Test
    void persistentServerErrorFailsAfterTheLastAttempt() {
        ollama.failNext(10, 500, "llama runner process has terminated", null);

        assertThatThrownBy(() -> client.embed(request("text")))
                .isInstanceOfSatisfying(OllamaResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.ollamaMessage()).isEqualTo("llama runner process has terminated");
                });
        assertThat(ollama.embedCalls()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheDelayOllamaAsksFor() {
        List<Duration> waits = new ArrayList<>();
        resilience.retry().getEventPublisher().onRetry(event -> waits.add(event.getWaitInterval()));
        ollama.failNext(1, 429, "server busy, please try again", "1");

        OllamaWire.EmbedResponse response = client.embed(request("text"));

        assertThat(response.embeddings()).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterLongerThanTheLimitFailsAtOnce() {
        ollama.failNext(1, 429, "server busy, please try again", "3600");

        assertThatThrownBy(() -> client.embed(request("text")))
                .isInstanceOfSatisfying(OllamaResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
                });
        assertThat(ollama.embedCalls()).isEqualTo(1);
    }

    @Test
    void slowAnswerTimesOutAndIsNotRetried() {
        ollama.latency(Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.embed(request("text")))
                .isInstanceOfSatisfying(OllamaUnreachableException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OllamaUnreachableException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).contains("did not answer in time");
                });
        assertThat(ollama.embedCalls()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsRetriedThenReportedAsUnreachable() {
        OllamaProperties properties = OllamaTestProperties.of(OllamaTestProperties.closedPort());
        OllamaResilience closedResilience = OllamaResilience.from(properties);
        List<Integer> attempts = new ArrayList<>();
        closedResilience.retry().getEventPublisher().onRetry(event -> attempts.add(event.getNumberOfRetryAttempts()));
        OllamaClient closed = new OllamaClient(RestClient.builder(), properties, closedResilience);

        assertThatThrownBy(() -> closed.embed(request("text")))
                .isInstanceOfSatisfying(OllamaUnreachableException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OllamaUnreachableException.Kind.CONNECT);
                    assertThat(e.getMessage()).contains("connection refused").contains(properties.baseUrl().toString());
                });
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void circuitOpensAfterRepeatedFailuresThenClosesWhenOllamaRecovers() {
        ollama.failNext(1000, 500, "llama runner process has terminated", null);
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> client.embed(request("text"))).isInstanceOf(RuntimeException.class);
        }
        int callsWhenOpen = ollama.embedCalls();

        assertThatThrownBy(() -> client.embed(request("text")))
                .isInstanceOfSatisfying(OllamaUnreachableException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OllamaUnreachableException.Kind.CIRCUIT_OPEN);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(300));
                });
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(ollama.embedCalls()).as("an open circuit does not call Ollama").isEqualTo(callsWhenOpen);

        ollama.reset();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(client.embed(request("text")).embeddings()).hasSize(1));
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aModelNotFoundDoesNotCountAgainstOllama() {
        for (int call = 0; call < 6; call++) {
            assertThatThrownBy(() -> client.embed(new OllamaWire.EmbedRequest("missing", List.of("x"), true, null)))
                    .isInstanceOf(OllamaResponseException.class);
        }

        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void versionTagsAndShowReadOllamasAnswers() {
        assertThat(client.version().version()).isEqualTo("0.12.6");
        assertThat(client.tags().models()).extracting(OllamaWire.TagModel::name)
                .containsExactly("fake-embed:latest", "fake-chat:latest");
        assertThat(client.show("fake-embed:latest").capabilities()).containsExactly("embedding");
    }

    private static OllamaWire.EmbedRequest request(String... inputs) {
        return new OllamaWire.EmbedRequest(FakeOllama.MODEL, List.of(inputs), true, null);
    }
}
