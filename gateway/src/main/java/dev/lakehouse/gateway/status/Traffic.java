package dev.lakehouse.gateway.status;

import dev.lakehouse.gateway.status.PrometheusText.Sample;
import java.time.Duration;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A daemon's request rate, error ratio and p95 latency, from its
 * {@code http_server_requests_seconds} histogram: over the window between two scrapes when
 * there are two, else averaged since the daemon started. Probe and scrape calls
 * ({@code /actuator/**}) are left out, or the status page would measure itself.
 *
 * @param errorRatio share of answers that were 5xx
 * @param window what the numbers cover, for people: "last 5 s", "since start"
 */
public record Traffic(OptionalDouble requestsPerSecond, OptionalDouble errorRatio, OptionalDouble p95Seconds,
        String window) {

    static final String REQUESTS = "http_server_requests_seconds";
    static final String UPTIME = "process_uptime_seconds";

    public static final Traffic UNKNOWN = new Traffic(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), "n/a");

    private static final Predicate<Sample> PUBLIC = sample -> !sample.label("uri").startsWith("/actuator");
    private static final Predicate<Sample> SERVER_ERROR = PUBLIC.and(sample -> sample.label("status").startsWith("5"));

    public static Traffic between(@Nullable Scrape previous, Scrape current) {
        OptionalDouble count = current.sum(REQUESTS + "_count", PUBLIC);
        if (count.isEmpty()) {
            return current.samples().isEmpty() ? UNKNOWN
                    : new Traffic(OptionalDouble.of(0), OptionalDouble.empty(), OptionalDouble.empty(), "since start");
        }
        double seconds = previous == null ? 0 : Duration.between(previous.at(), current.at()).toMillis() / 1000d;
        OptionalDouble before = previous == null ? OptionalDouble.empty() : previous.sum(REQUESTS + "_count", PUBLIC);
        if (seconds >= 0.5 && before.isPresent() && before.getAsDouble() <= count.getAsDouble()) {
            return window(previous, current, seconds);
        }
        return sinceStart(current);
    }

    private static Traffic window(Scrape previous, Scrape current, double seconds) {
        double requests = current.sum(REQUESTS + "_count", PUBLIC).orElse(0) - previous.sum(REQUESTS + "_count", PUBLIC).orElse(0);
        double errors = current.sum(REQUESTS + "_count", SERVER_ERROR).orElse(0)
                - previous.sum(REQUESTS + "_count", SERVER_ERROR).orElse(0);
        NavigableMap<Double, Double> buckets = Quantiles.minus(current.buckets(REQUESTS + "_bucket", PUBLIC),
                previous.buckets(REQUESTS + "_bucket", PUBLIC));
        return new Traffic(OptionalDouble.of(requests / seconds),
                requests > 0 ? OptionalDouble.of(Math.max(0, errors) / requests) : OptionalDouble.empty(),
                Quantiles.of(buckets, 0.95), "last " + Math.round(seconds) + " s");
    }

    private static Traffic sinceStart(Scrape current) {
        double requests = current.sum(REQUESTS + "_count", PUBLIC).orElse(0);
        double errors = current.sum(REQUESTS + "_count", SERVER_ERROR).orElse(0);
        OptionalDouble uptime = current.sum(UPTIME);
        return new Traffic(
                uptime.isPresent() && uptime.getAsDouble() > 0 ? OptionalDouble.of(requests / uptime.getAsDouble())
                        : OptionalDouble.empty(),
                requests > 0 ? OptionalDouble.of(errors / requests) : OptionalDouble.empty(),
                Quantiles.of(current.buckets(REQUESTS + "_bucket", PUBLIC), 0.95), "since start");
    }
}
