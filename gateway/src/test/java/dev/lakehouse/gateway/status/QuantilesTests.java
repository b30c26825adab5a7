package dev.lakehouse.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuantilesTests {

    @Test
    void interpolatesInsideTheBucketWhereTheQuantileFalls() {
        NavigableMap<Double, Double> buckets = buckets(0.1, 50, 0.2, 90, Double.POSITIVE_INFINITY, 100);

        assertThat(Quantiles.of(buckets, 0.5).getAsDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(Quantiles.of(buckets, 0.7).getAsDouble()).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void quantileInTheInfiniteBucketIsTheHighestFiniteBound() {
        NavigableMap<Double, Double> buckets = buckets(0.1, 50, 0.2, 90, Double.POSITIVE_INFINITY, 100);

        assertThat(Quantiles.of(buckets, 0.95).getAsDouble()).isEqualTo(0.2);
    }

    @Test
    void nothingObservedHasNoQuantile() {
        assertThat(Quantiles.of(buckets(0.1, 0, Double.POSITIVE_INFINITY, 0), 0.95)).isEmpty();
        assertThat(Quantiles.of(new TreeMap<>(), 0.95)).isEmpty();
    }

    @Test
    void differenceOfTwoScrapesIsWhatWasObservedBetweenThem() {
        NavigableMap<Double, Double> earlier = buckets(0.1, 10, Double.POSITIVE_INFINITY, 10);
        NavigableMap<Double, Double> later = buckets(0.1, 10, 1.0, 15, Double.POSITIVE_INFINITY, 20);

        NavigableMap<Double, Double> between = Quantiles.minus(later, earlier);

        assertThat(between).containsEntry(0.1, 0.0).containsEntry(1.0, 15.0).containsEntry(Double.POSITIVE_INFINITY, 10.0);
    }

    private static NavigableMap<Double, Double> buckets(double... boundsAndCounts) {
        NavigableMap<Double, Double> buckets = new TreeMap<>();
        for (int i = 0; i < boundsAndCounts.length; i += 2) {
            buckets.put(boundsAndCounts[i], boundsAndCounts[i + 1]);
        }
        return buckets;
    }
}
