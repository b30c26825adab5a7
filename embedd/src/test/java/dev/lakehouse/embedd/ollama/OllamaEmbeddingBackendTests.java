package dev.lakehouse.embedd.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.backend.EmbeddingVector;
import dev.lakehouse.embedd.backend.ModelInfo;
import dev.lakehouse.embedd.backend.UnknownModelException;
import dev.lakehouse.embedd.testing.FakeOllama;
import dev.lakehouse.embedd.testing.OllamaTestProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

class OllamaEmbeddingBackendTests {

    private static final FakeOllama ollama = FakeOllama.start();

    private OllamaEmbeddingBackend backend;

    @BeforeEach
    void healthyOllama() {
        ollama.reset();
        backend = backendAt(OllamaTestProperties.of(ollama.baseUrl()));
    }

    @AfterAll
    static void stopOllama() {
        ollama.close();
    }

    @Test
    void nameWithoutATagMeansLatestAsInOllama() {
        assertThat(backend.canonicalName("nomic-embed-text")).hasValue("nomic-embed-text:latest");
        assertThat(backend.canonicalName("nomic-embed-text:v1.5")).hasValue("nomic-embed-text:v1.5");
        assertThat(backend.canonicalName("hf.co/org/model")).hasValue("hf.co/org/model:latest");
        assertThat(backend.canonicalName("localhost:5000/org/model")).hasValue("localhost:5000/org/model:latest");
    }

    @Test
    void tokenSharesAddUpToOllamasCount() {
        List<EmbeddingVector> vectors = backend.embed(FakeOllama.MODEL, List.of("one two three", "four", "five six"),
                EmbedOptions.DEFAULT);

        assertThat(vectors.stream().mapToInt(EmbeddingVector::tokens).sum()).isEqualTo(5 + 3 + 4);
        assertThat(vectors.get(0).values()).containsExactly(FakeOllama.vectorOf(FakeOllama.MODEL, "one two three", 8));
    }

    @Test
    void apportionGivesLongerTextsMoreTokensAndLosesNone() {
        int[] shares = OllamaEmbeddingBackend.apportion(10, List.of("aaaaaaaa", "a", "a"));

        assertThat(Arrays.stream(shares).sum()).isEqualTo(10);
        assertThat(shares[0]).isGreaterThan(shares[1]);
    }

    @Test
    void dimensionsAreForwardedToOllama() {
        List<EmbeddingVector> vectors = backend.embed(FakeOllama.MODEL, List.of("text"), new EmbedOptions(4, true));

        assertThat(vectors.getFirst().values()).hasSize(4);
    }

    @Test
    void unknownModelBecomesUnknownModelException() {
        assertThatThrownBy(() -> backend.embed("missing:latest", List.of("x"), EmbedOptions.DEFAULT))
                .isInstanceOf(UnknownModelException.class);
    }

    @Test
    void ollamasBadRequestIsTheCallersError() {
        assertThatThrownBy(() -> backend.embed(FakeOllama.MODEL, List.of("x".repeat(300)), new EmbedOptions(null, false)))
                .isInstanceOfSatisfying(EmbeddingException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("the input length exceeds the context length");
                });
    }

    @Test
    void ollamaFailingIsABadGatewayAndUnreachableIsUnavailable() {
        ollama.failNext(10, 500, "boom", null);
        OllamaEmbeddingBackend down = backendAt(OllamaTestProperties.of(OllamaTestProperties.closedPort()));

        assertThatThrownBy(() -> backend.embed(FakeOllama.MODEL, List.of("x"), EmbedOptions.DEFAULT))
                .isInstanceOfSatisfying(EmbeddingException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_GATEWAY));
        assertThatThrownBy(() -> down.embed(FakeOllama.MODEL, List.of("x"), EmbedOptions.DEFAULT))
                .isInstanceOfSatisfying(EmbeddingException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("connection refused").contains("in-process models still serve: all-minilm");
                });
    }

    @Test
    void listsOnlyTheModelsThatEmbedWithTheirDimensions() {
        List<ModelInfo> models = backend.models();

        assertThat(models).containsExactly(new ModelInfo("fake-embed:latest", "ollama", 8, 1793527200L));
    }

    private static OllamaEmbeddingBackend backendAt(OllamaProperties properties) {
        OllamaClient client = new OllamaClient(RestClient.builder(), properties, OllamaResilience.from(properties));
        return new OllamaEmbeddingBackend(client, new OllamaModels(client, Duration.ofSeconds(30), Clock.systemUTC()),
                "all-minilm");
    }
}
