package dev.lakehouse.gateway.status;

import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;

/** Quantiles from cumulative histogram buckets, as Prometheus' {@code histogram_quantile} computes them. */
final class Quantiles {

    private Quantiles() {
    }

    /**
     * The q-quantile, interpolated linearly inside the bucket where it falls; the highest finite
     * bound when it falls in the {@code +Inf} bucket; empty when nothing was observed.
     */
    static OptionalDouble of(NavigableMap<Double, Double> cumulative, double q) {
        if (cumulative.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = cumulative.lastEntry().getValue();
        if (!(total > 0)) {
            return OptionalDouble.empty();
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return OptionalDouble.of(lowerBound);
                }
                double inBucket = bucket.getValue() - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return OptionalDouble.of(lowerBound + (bucket.getKey() - lowerBound) * fraction);
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return OptionalDouble.of(lowerBound);
    }

    /** Bucket by bucket difference of two cumulative histograms (the observations between two scrapes). */
    static NavigableMap<Double, Double> minus(NavigableMap<Double, Double> later, NavigableMap<Double, Double> earlier) {
        NavigableMap<Double, Double> difference = new java.util.TreeMap<>();
        later.forEach((bound, count) -> difference.put(bound, count - earlier.getOrDefault(bound, 0d)));
        return difference;
    }
}
