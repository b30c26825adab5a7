package dev.lakehouse.embedd.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.backend.EmbeddingVector;
import dev.lakehouse.embedd.testing.EmbeddingStack;
import dev.lakehouse.embedd.testing.FakeOllama;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The batcher over the real Ollama backend and a fake Ollama that holds its answers on demand. */
class MicroBatcherTests {

    private static final FakeOllama ollama = FakeOllama.start();

    @BeforeEach
    void healthyOllama() {
        ollama.reset();
    }

    @AfterAll
    static void stopOllama() {
        ollama.close();
    }

    @Test
    void concurrentMissesOfOneModelCoalesceIntoOneBackendCall() {
        try (EmbeddingStack stack = stack(true, 32, 1)) {
            MicroBatcher batcher = stack.batcher();
            CompletableFuture<List<EmbeddingVector>> first = whileBusy(batcher);

            CompletableFuture<List<EmbeddingVector>> b = submit(batcher, "b");
            CompletableFuture<List<EmbeddingVector>> c = submit(batcher, "c", "d");
            ollama.release();

            assertThat(first.join()).hasSize(1);
            assertThat(b.join().getFirst().values()).containsExactly(FakeOllama.vectorOf(FakeOllama.MODEL, "b", 8));
            assertThat(c.join()).hasSize(2);
            assertThat(ollama.embedInputs()).containsExactly(List.of("a"), List.of("b", "c", "d"));
            assertThat(stack.meters().get("lakehouse.embedd.batch.size").summary().max()).isEqualTo(3);
        }
    }

    @Test
    void withBatchingOffEachRequestMakesItsOwnCall() {
        try (EmbeddingStack stack = stack(false, 32, 1)) {
            MicroBatcher batcher = stack.batcher();
            CompletableFuture<List<EmbeddingVector>> first = whileBusy(batcher);

            CompletableFuture<List<EmbeddingVector>> b = submit(batcher, "b");
            CompletableFuture<List<EmbeddingVector>> c = submit(batcher, "c", "d");
            ollama.release();
            CompletableFuture.allOf(first, b, c).join();

            assertThat(ollama.embedInputs()).containsExactly(List.of("a"), List.of("b"), List.of("c", "d"));
        }
    }

    @Test
    void aLargeRequestIsSplitIntoCallsOfTheMaximumBatchSize() {
        try (EmbeddingStack stack = stack(true, 4, 1)) {
            List<EmbeddingVector> vectors = submit(stack.batcher(), "1", "2", "3", "4", "5", "6", "7", "8", "9", "10").join();

            assertThat(vectors).hasSize(10);
            assertThat(ollama.embedInputs()).extracting(List::size).containsExactly(4, 4, 2);
        }
    }

    @Test
    void oneCallersBadInputDoesNotFailTheOthersInItsBatch() {
        try (EmbeddingStack stack = stack(true, 32, 1)) {
            MicroBatcher batcher = stack.batcher();
            CompletableFuture<List<EmbeddingVector>> first = whileBusy(batcher);
            EmbedOptions strict = new EmbedOptions(null, false);

            CompletableFuture<List<EmbeddingVector>> good = batcher.submit(FakeOllama.MODEL, List.of("fine"), strict);
            CompletableFuture<List<EmbeddingVector>> bad = batcher.submit(FakeOllama.MODEL, List.of("x".repeat(500)), strict);
            ollama.release();

            assertThat(first.join()).hasSize(1);
            assertThat(good.join()).hasSize(1);
            assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(EmbeddingException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
    }

    @Test
    void beyondTheQueueBoundACallerIsRefusedAtOnceWith503() {
        BatchingProperties small = new BatchingProperties(true, 32, Duration.ZERO, 2);
        try (EmbeddingStack stack = EmbeddingStack.overOllama(ollama.baseUrl(), small, 1, DataSize.ofMegabytes(1))) {
            MicroBatcher batcher = stack.batcher();
            CompletableFuture<List<EmbeddingVector>> first = whileBusy(batcher);
            CompletableFuture<List<EmbeddingVector>> second = submit(batcher, "b");

            assertThatThrownBy(() -> submit(batcher, "c")).isInstanceOfSatisfying(EmbeddingException.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(e.code()).isEqualTo("overloaded");
                assertThat(e.retryAfter()).isNotNull();
            });

            ollama.release();
            CompletableFuture.allOf(first, second).join();
        }
    }

    @Test
    void inFlightGaugeCountsInputsUntilTheyComplete() {
        try (EmbeddingStack stack = stack(true, 32, 1)) {
            SimpleMeterRegistry meters = stack.meters();
            CompletableFuture<List<EmbeddingVector>> first = whileBusy(stack.batcher());
            CompletableFuture<List<EmbeddingVector>> more = submit(stack.batcher(), "b", "c");

            assertThat(meters.get("lakehouse.embedd.inflight").gauge().value()).isEqualTo(3);

            ollama.release();
            CompletableFuture.allOf(first, more).join();
            assertThat(meters.get("lakehouse.embedd.inflight").gauge().value()).isZero();
            assertThat(meters.get("lakehouse.embedd.backend.latency").tag("outcome", "success").timer().count()).isEqualTo(2);
        }
    }

    /** Occupies the only worker with input "a", held inside the fake Ollama. */
    private static CompletableFuture<List<EmbeddingVector>> whileBusy(MicroBatcher batcher) {
        ollama.hold();
        CompletableFuture<List<EmbeddingVector>> first = submit(batcher, "a");
        await().atMost(Duration.ofSeconds(10)).until(() -> ollama.embedCalls() == 1);
        return first;
    }

    private static CompletableFuture<List<EmbeddingVector>> submit(MicroBatcher batcher, String... texts) {
        return batcher.submit(FakeOllama.MODEL, List.of(texts), EmbedOptions.DEFAULT);
    }

    private static EmbeddingStack stack(boolean batching, int maxBatchSize, int workers) {
        return EmbeddingStack.overOllama(ollama.baseUrl(), EmbeddingStack.batching(batching, maxBatchSize), workers,
                DataSize.ofMegabytes(1));
    }
}
