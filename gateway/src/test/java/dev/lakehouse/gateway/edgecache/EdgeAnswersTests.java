package dev.lakehouse.gateway.edgecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class EdgeAnswersTests {

    private final AtomicLong now = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EdgeAnswers answers = new EdgeAnswers(
            new EdgeCacheProperties(true, DataSize.ofKilobytes(64), Duration.ofMinutes(10), DataSize.ofKilobytes(64),
                    DataSize.ofMegabytes(1)),
            registry, now::get);

    @Test
    void anAnswerIsFoundByTheSameBytesAndPathOnly() {
        answers.store(digest("/v1/embeddings", "{\"input\":\"a\"}"), new byte[] {1, 2, 3}, "application/json");

        assertThat(answers.lookUp(digest("/v1/embeddings", "{\"input\":\"a\"}"))).isNotNull()
                .satisfies(answer -> assertThat(answer.body()).containsExactly(1, 2, 3));
        assertThat(answers.lookUp(digest("/v1/embeddings", "{\"input\": \"a\"}"))).isNull();
        assertThat(answers.lookUp(digest("/api/embed", "{\"input\":\"a\"}"))).isNull();
        assertThat(registry.counter("lakehouse.gateway.cache.hits").count()).isEqualTo(1);
        assertThat(registry.counter("lakehouse.gateway.cache.misses").count()).isEqualTo(2);
    }

    @Test
    void answersExpireAfterTheirTimeToLiveAndTellTheirAge() {
        RequestDigest request = digest("/v1/embeddings", "{\"input\":\"b\"}");
        answers.store(request, new byte[] {7}, "application/json");

        now.addAndGet(Duration.ofSeconds(90).toNanos());
        assertThat(answers.age(answers.lookUp(request))).isEqualTo(Duration.ofSeconds(90));

        now.addAndGet(Duration.ofMinutes(9).toNanos());
        assertThat(answers.lookUp(request)).isNull();
    }

    @Test
    void theBytesHeldStayWithinTheBound() {
        IntStream.range(0, 200).forEach(i ->
                answers.store(digest("/v1/embeddings", "{\"input\":\"" + i + "\"}"), new byte[4096], "application/json"));
        answers.cleanUp();

        assertThat(answers.weightedSize()).isLessThanOrEqualTo(DataSize.ofKilobytes(64).toBytes()).isPositive();
        assertThat(registry.get("lakehouse.gateway.cache.evictions").functionCounter().count()).isPositive();
    }

    private static RequestDigest digest(String path, String body) {
        return RequestDigest.of(path, body.getBytes(StandardCharsets.UTF_8));
    }
}
