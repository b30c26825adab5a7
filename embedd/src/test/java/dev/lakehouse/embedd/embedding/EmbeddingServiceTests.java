package dev.lakehouse.embedd.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.cache.CachedEmbedding;
import dev.lakehouse.embedd.cache.VectorEncoding;
import dev.lakehouse.embedd.testing.EmbeddingStack;
import dev.lakehouse.embedd.testing.FakeOllama;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Cache semantics of the service over a fake Ollama that counts what reaches it. */
class EmbeddingServiceTests {

    private static final FakeOllama ollama = FakeOllama.start();

    private EmbeddingStack stack;

    @BeforeEach
    void freshStack() {
        ollama.reset();
        stack = EmbeddingStack.overOllama(ollama.baseUrl());
    }

    @AfterEach
    void closeStack() {
        stack.close();
    }

    @AfterAll
    static void stopOllama() {
        ollama.close();
    }

    @Test
    void firstRequestMissesAndTheSameRequestThenHits() {
        EmbeddingResult first = embed("alpha", "beta");
        EmbeddingResult second = embed("alpha", "beta");

        assertThat(first.cacheStatus()).isEqualTo(CacheStatus.MISS);
        assertThat(second.cacheStatus()).isEqualTo(CacheStatus.HIT);
        assertThat(ollama.embedCalls()).isEqualTo(1);
        assertThat(vectors(second)).isEqualTo(vectors(first));
        assertThat(stack.counter("lakehouse.embedd.cache.hits")).isEqualTo(2);
        assertThat(stack.counter("lakehouse.embedd.cache.misses")).isEqualTo(2);
    }

    @Test
    void cachedBatchCallsBackendOnlyForMissesAndKeepsInputOrder() {
        embed("alpha", "gamma");

        EmbeddingResult result = embed("alpha", "beta", "gamma", "delta");

        assertThat(result.cacheStatus()).isEqualTo(CacheStatus.PARTIAL);
        assertThat(ollama.embedInputs()).containsExactly(List.of("alpha", "gamma"), List.of("beta", "delta"));
        assertThat(vectors(result)).containsExactly(expected("alpha"), expected("beta"), expected("gamma"), expected("delta"));
    }

    @Test
    void repeatedInputsInOneRequestAreComputedOnce() {
        EmbeddingResult result = embed("same", "other", "same");

        assertThat(ollama.embedInputs()).containsExactly(List.of("same", "other"));
        assertThat(vectors(result)).containsExactly(expected("same"), expected("other"), expected("same"));
    }

    @Test
    void aliasAndTaggedNameShareTheCache() {
        embed("alpha");

        EmbeddingResult tagged = stack.service().embed(FakeOllama.MODEL + ":latest", List.of("alpha"), EmbedOptions.DEFAULT);

        assertThat(tagged.cacheStatus()).isEqualTo(CacheStatus.HIT);
    }

    @Test
    void optionsArePartOfTheKey() {
        embed("alpha");

        EmbeddingResult shorter = stack.service().embed(FakeOllama.MODEL, List.of("alpha"), new EmbedOptions(4, true));

        assertThat(shorter.cacheStatus()).isEqualTo(CacheStatus.MISS);
        assertThat(shorter.embeddings().getFirst().dimensions()).isEqualTo(4);
    }

    @Test
    void fiftyConcurrentIdenticalRequestsCauseExactlyOneBackendCall() throws Exception {
        ollama.hold();
        List<Future<EmbeddingResult>> results = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                results.add(callers.submit(() -> embed("the same text")));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> stack.counter("lakehouse.embedd.cache.misses") == 50);
            ollama.release();
            for (Future<EmbeddingResult> result : results) {
                assertThat(vectors(result.get())).containsExactly(expected("the same text"));
            }
        }

        assertThat(ollama.embedCalls()).isEqualTo(1);
    }

    @Test
    void aFailedComputationIsNotCached() {
        ollama.failNext(3, 500, "runner crashed", null);
        assertThatThrownBy(() -> embed("alpha")).isInstanceOfSatisfying(EmbeddingException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_GATEWAY));

        EmbeddingResult retried = embed("alpha");

        assertThat(retried.cacheStatus()).isEqualTo(CacheStatus.MISS);
        assertThat(vectors(retried)).containsExactly(expected("alpha"));
    }

    @Test
    void unknownModelIsA404ListingTheModelsThatExist() {
        assertThatThrownBy(() -> stack.service().embed("nope", List.of("x"), EmbedOptions.DEFAULT))
                .isInstanceOfSatisfying(EmbeddingException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("model 'nope' not found; available embedding models: fake-embed:latest");
                });
    }

    @Test
    void usageCountsTheTokensOfEveryInputCachedOrNot() {
        embed("one two");

        EmbeddingResult result = embed("one two", "three four five");

        assertThat(result.promptTokens()).isEqualTo(4 + 5);
    }

    private EmbeddingResult embed(String... inputs) {
        return stack.service().embed(FakeOllama.MODEL, List.of(inputs), EmbedOptions.DEFAULT);
    }

    private static List<List<Float>> vectors(EmbeddingResult result) {
        List<List<Float>> vectors = new ArrayList<>();
        for (CachedEmbedding embedding : result.embeddings()) {
            vectors.add(boxed(VectorEncoding.fromBase64(new String(embedding.base64(), StandardCharsets.US_ASCII))));
        }
        return vectors;
    }

    private static List<Float> expected(String text) {
        return boxed(FakeOllama.vectorOf(FakeOllama.MODEL, text, FakeOllama.DIMENSIONS));
    }

    private static List<Float> boxed(float[] values) {
        List<Float> boxed = new ArrayList<>();
        for (float value : values) {
            boxed.add(value);
        }
        return boxed;
    }
}
