package dev.lakehouse.gateway.keys;

/**
 * A token bucket: {@code requestsPerSecond} tokens flow in, at most {@code burst} are kept,
 * and each request takes one.
 */
public record RateLimit(double requestsPerSecond, int burst) {

    /** What {@code keys add} grants unless told otherwise. */
    public static final RateLimit DEFAULT = new RateLimit(50, 100);

    public RateLimit {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requests-per-second must be a positive number, not " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, not " + burst);
        }
    }
}
