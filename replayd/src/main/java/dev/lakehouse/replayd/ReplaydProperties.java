package dev.lakehouse.replayd;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replayd runs replays ({@code lakehouse.replayd.*}).
 *
 * @param concurrentRuns runs that execute at the same time; more wait in the queue
 * @param maxQueuedRuns runs that may wait; a submission beyond it is refused with 429
 * @param batchSize records replayed between two checkpoints; after a crash at most one batch is
 *     replayed again (its calls are repeated, its results are written once)
 * @param maxResumes a run interrupted by more daemon restarts than this is marked failed
 *     instead of resumed, so a record that crashes the daemon cannot loop forever
 * @param similarityModel embedd model whose embeddings the cosine similarity is computed on
 * @param defaults what a request that leaves a setting out gets
 * @param limits the largest values a request may ask for (400 beyond)
 * @param retry how failed peer calls are retried
 * @param currency currency of the price table, named in the report
 * @param prices the price table for the cost estimate; empty means the report has no cost
 */
@ConfigurationProperties("lakehouse.replayd")
public record ReplaydProperties(
        @DefaultValue("2") int concurrentRuns,
        @DefaultValue("16") int maxQueuedRuns,
        @DefaultValue("16") int batchSize,
        @DefaultValue("10") int maxResumes,
        @DefaultValue("all-minilm") String similarityModel,
        @DefaultValue Defaults defaults,
        @DefaultValue Limits limits,
        @DefaultValue Retry retry,
        @DefaultValue("USD") String currency,
        @DefaultValue List<Price> prices) {

    public ReplaydProperties {
        require(concurrentRuns >= 1, "concurrent-runs must be at least 1");
        require(maxQueuedRuns >= 0, "max-queued-runs must not be negative");
        require(batchSize >= 1 && batchSize <= 10_000, "batch-size must be 1..10000");
        require(maxResumes >= 0, "max-resumes must not be negative");
        require(defaults.concurrency() >= 1 && defaults.concurrency() <= limits.maxConcurrency(),
                "defaults.concurrency must be 1..limits.max-concurrency");
        require(defaults.ratePerSecond() > 0 && defaults.ratePerSecond() <= limits.maxRatePerSecond(),
                "defaults.rate-per-second must be > 0 and <= limits.max-rate-per-second");
        require(defaults.maxRecords() >= 1 && defaults.maxRecords() <= limits.maxRecords(),
                "defaults.max-records must be 1..limits.max-records");
        require(retry.maxAttempts() >= 1, "retry.max-attempts must be at least 1");
        prices = List.copyOf(prices);
    }

    /**
     * @param concurrency chatd calls in flight at once for one run
     * @param ratePerSecond chatd calls started per second for one run
     * @param maxRecords records one run replays
     */
    public record Defaults(
            @DefaultValue("4") int concurrency,
            @DefaultValue("10") double ratePerSecond,
            @DefaultValue("1000") long maxRecords) {
    }

    /**
     * @param maxConcurrency the largest {@code concurrency}
     * @param maxRatePerSecond the largest {@code ratePerSecond}
     * @param maxRecords the largest {@code maxRecords}: a run's results and report stay bounded
     * @param maxFilterValues values in one observation filter list
     * @param maxListedRuns runs {@code GET /v1/replays} returns at most ({@code limit} beyond is a 400)
     */
    public record Limits(
            @DefaultValue("32") int maxConcurrency,
            @DefaultValue("1000") double maxRatePerSecond,
            @DefaultValue("100000") long maxRecords,
            @DefaultValue("100") int maxFilterValues,
            @DefaultValue("1000") int maxListedRuns) {
    }

    /**
     * Peer calls that fail for a reason a retry can fix (chatd's 429 and 503, a peer that cannot
     * be reached, a 5xx of validated or embedd) are retried; chatd's {@code Retry-After} is honoured.
     *
     * @param maxAttempts calls per peer request, the first included; when they are used up on a
     *     peer that cannot be reached the run fails, on chatd's 429 the record's result says {@code rate_limited}
     * @param initialBackoff wait before the second call when the peer gave no Retry-After; doubles each time
     * @param maxBackoff longest wait between two calls, a Retry-After included
     */
    public record Retry(
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff) {
    }

    /**
     * One row of the price table.
     *
     * @param model {@code provider/model} as chatd reports it (e.g. {@code openai/gpt-4o-mini}), or
     *     {@code provider/*} for every model of a provider
     * @param inputPerMillion price of one million prompt tokens
     * @param outputPerMillion price of one million completion tokens
     */
    public record Price(String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("lakehouse.replayd." + message);
        }
    }
}
