package dev.lakehouse.gateway.edgecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Whole answers by the digest of the request that produced them, bounded by bytes (Caffeine,
 * W-TinyLFU) and by age. Metrics as embedd's cache, under {@code lakehouse.gateway.cache}.
 */
class EdgeAnswers {

    /** One answer as embedd gave it. */
    record Answer(byte[] body, String contentType, long storedAtNanos) {

        /** The body plus what the entry costs besides it (key, record, headers). */
        int weight() {
            return body.length + 128;
        }
    }

    private final Cache<RequestDigest, Answer> cache;
    private final Policy.Eviction<RequestDigest, Answer> eviction;
    private final Ticker ticker;
    private final Counter hits;
    private final Counter misses;
    private final LongAdder evictions = new LongAdder();

    EdgeAnswers(EdgeCacheProperties properties, MeterRegistry registry, Ticker ticker) {
        this.ticker = ticker;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((RequestDigest key, Answer answer) -> answer.weight())
                .expireAfterWrite(properties.ttl())
                .ticker(ticker)
                .evictionListener((key, answer, cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        evictions.increment();
                    }
                })
                .build();
        this.eviction = cache.policy().eviction().orElseThrow();
        this.hits = Counter.builder("lakehouse.gateway.cache.hits")
                .description("embedding requests answered by the gateway without calling embedd").register(registry);
        this.misses = Counter.builder("lakehouse.gateway.cache.misses")
                .description("cacheable embedding requests passed on to embedd").register(registry);
        FunctionCounter.builder("lakehouse.gateway.cache.evictions", evictions, LongAdder::sum)
                .description("answers evicted to stay within the byte bound").register(registry);
        Gauge.builder("lakehouse.gateway.cache.bytes", this, EdgeAnswers::weightedSize).baseUnit("bytes")
                .description("bytes the cached answers take").register(registry);
        Gauge.builder("lakehouse.gateway.cache.max.bytes", eviction, e -> e.getMaximum()).baseUnit("bytes")
                .description("the cache's byte bound").register(registry);
        Gauge.builder("lakehouse.gateway.cache.entries", cache, Cache::estimatedSize)
                .description("cached answers").register(registry);
    }

    /** The answer to the request, counted as a hit or a miss. */
    @Nullable Answer lookUp(RequestDigest request) {
        Answer answer = cache.getIfPresent(request);
        (answer == null ? misses : hits).increment();
        return answer;
    }

    void store(RequestDigest request, byte[] body, String contentType) {
        cache.put(request, new Answer(body, contentType, ticker.read()));
    }

    /** How long ago the answer was stored, for the {@code Age} header. */
    Duration age(Answer answer) {
        return Duration.ofNanos(Math.max(0, ticker.read() - answer.storedAtNanos()));
    }

    long weightedSize() {
        return eviction.weightedSize().orElse(0);
    }

    /** Runs pending maintenance (eviction, expiry) now; the cache otherwise does it on its own schedule. */
    void cleanUp() {
        cache.cleanUp();
    }
}
