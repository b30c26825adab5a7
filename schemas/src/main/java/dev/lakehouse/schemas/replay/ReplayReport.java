package dev.lakehouse.schemas.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Mirrors {@code lakehouse.replay-report/v1}: what a replay run found, computed from its results.
 * Rates are fractions in [0, 1], null when their denominator is 0.
 *
 * @param state the run's state when the report was made
 * @param complete every selected record was replayed
 * @param passRates null when validation was not compared
 * @param regressions passed before, fail now, in seq order
 * @param improvements failed before, pass now, in seq order
 * @param cost null when no price table is configured
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReplayReport(
        String schema,
        String runId,
        String state,
        boolean complete,
        Instant createdAt,
        Source source,
        Target target,
        List<String> compare,
        Records records,
        @Nullable PassRates passRates,
        Transitions transitions,
        List<Change> regressions,
        List<Change> improvements,
        Exact exact,
        Similarity similarity,
        Sides<Latency> latency,
        Sides<Tokens> tokens,
        @Nullable Cost cost) {

    public static final String SCHEMA = "lakehouse.replay-report/v1";

    public ReplayReport {
        compare = List.copyOf(compare);
        regressions = List.copyOf(regressions);
        improvements = List.copyOf(improvements);
    }

    /** What was replayed: observations matching {@code filters}, or the lines of {@code dataset} ({@code <name>/v<N>}). */
    public record Source(String kind, @Nullable String dataset, @Nullable Map<String, Object> filters) {
    }

    /** Where it was replayed: one model under each record's role, or one role (and its chain) for every record. */
    public record Target(@Nullable String model, @Nullable String role) {
    }

    /** How many results, and how many had no target output, by error code. */
    public record Records(long total, long answered, long errors, Map<String, Long> errorsByCode) {
    }

    /** Pass rates over all results and per recorded role. */
    public record PassRates(PassRate overall, Map<String, PassRate> byRole) {
    }

    /** Original and target pass rates over the same results (those where both have a verdict). */
    public record PassRate(Rate original, Rate target) {
    }

    public record Rate(long passed, long total, @Nullable Double rate) {
    }

    public record Transitions(long stillPasses, long regressed, long improved, long stillFails) {
    }

    /**
     * A regression or an improvement.
     *
     * @param cause regressions: {@code invalid} or {@code error}; improvements: {@code valid}
     * @param codes violation codes of the failing side, or its error code
     */
    public record Change(String recordId, long seq, String role, String cause, List<String> codes) {

        public Change {
            codes = List.copyOf(codes);
        }
    }

    public record Exact(long compared, long matches, @Nullable Double rate) {
    }

    /** Percentiles by linear interpolation between closest ranks. */
    public record Similarity(long count, @Nullable Double mean, @Nullable Double p10, @Nullable Double p50,
            @Nullable Double p90) {
    }

    public record Sides<T>(T original, T target) {
    }

    /** @param count results with a latency on this side */
    public record Latency(long count, double totalMs, @Nullable Double meanMs) {
    }

    /** @param count results with usage on this side */
    public record Tokens(long count, long promptTokens, long completionTokens, long totalTokens) {
    }

    public record Cost(String currency, CostTotal original, CostTotal target) {
    }

    /**
     * @param amount estimate over the priced results only
     * @param unpricedRecords results with usage whose provider/model has no price
     */
    public record CostTotal(BigDecimal amount, long pricedRecords, long unpricedRecords, List<String> unpricedModels) {

        public CostTotal {
            unpricedModels = List.copyOf(unpricedModels);
        }
    }
}
