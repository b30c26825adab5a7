package dev.lakehouse.gateway.status;

import dev.lakehouse.gateway.status.PrometheusText.Sample;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;

/** One daemon's metrics read at one instant, with the sums the status page needs. */
public record Scrape(Instant at, List<Sample> samples) {

    public static Scrape of(Instant at, String prometheusText) {
        return new Scrape(at, PrometheusText.parse(prometheusText));
    }

    /** Sum of every series of the metric that passes the filter; empty when there is none. */
    public OptionalDouble sum(String name, Predicate<Sample> filter) {
        List<Sample> matching = samples.stream()
                .filter(sample -> sample.name().equals(name) && filter.test(sample) && !Double.isNaN(sample.value()))
                .toList();
        return matching.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(matching.stream().mapToDouble(Sample::value).sum());
    }

    public OptionalDouble sum(String name) {
        return sum(name, sample -> true);
    }

    /** Cumulative histogram buckets by upper bound, summed over every series that passes the filter. */
    public NavigableMap<Double, Double> buckets(String name, Predicate<Sample> filter) {
        NavigableMap<Double, Double> buckets = new TreeMap<>();
        samples.stream()
                .filter(sample -> sample.name().equals(name) && filter.test(sample) && sample.labels().containsKey("le"))
                .forEach(sample -> buckets.merge(bound(sample.label("le")), sample.value(), Double::sum));
        return buckets;
    }

    public List<Sample> all(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    private static double bound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
