package dev.lakehouse.gateway.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Everything the status page shows, gathered once per rendering. Whatever could not be
 * learnt is absent or carries the reason, and is shown as "n/a".
 */
public record StatusReport(
        Instant renderedAt,
        String overall,
        List<DaemonView> daemons,
        List<BreakerView> breakers,
        List<CacheView> embedCaches,
        Section<CollectionView> collections,
        LakeUsage lake,
        Section<JobView> materializations,
        Section<JobView> replays) {

    /**
     * One daemon's row.
     *
     * @param health UP, DOWN or UNREACHABLE, as in {@code /v1/health}
     * @param problem why it is not UP, when it is not
     */
    public record DaemonView(String name, String health, String url, @Nullable String problem, @Nullable String version,
            @Nullable String commit, OptionalDouble uptimeSeconds, Traffic traffic) {

        public boolean isUp() {
            return "UP".equals(health);
        }
    }

    /** A Resilience4j circuit breaker some daemon reports, with its state (closed, open, half_open, ...). */
    public record BreakerView(String daemon, String name, String state) {
    }

    /** An embedding cache: hits / (hits + misses) since its process started. */
    public record CacheView(String name, OptionalDouble hitRatio, OptionalDouble entries, OptionalDouble bytes) {
    }

    public record CollectionView(String name, OptionalDouble dimension, OptionalDouble points, OptionalDouble bytes) {
    }

    /** A materialization or replay run: its id, status and most telling time. */
    public record JobView(String id, String status, String when) {
    }

    /** Bytes of each lake stream (observations, audit, datasets, replays, ...) and the disk's free space. */
    public record LakeUsage(String dir, Map<String, Long> bytesByStream, OptionalDouble freeBytes,
            @Nullable String problem) {
    }

    /** A list from a daemon, or why there is none ({@code problem}). */
    public record Section<T>(List<T> items, @Nullable String problem) {

        public static <T> Section<T> unavailable(String problem) {
            return new Section<>(List.of(), problem);
        }
    }
}
