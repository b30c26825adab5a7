package dev.lakehouse.gateway.access;

import dev.lakehouse.gateway.keys.RateLimit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per key, kept as the generic cell rate algorithm (GCRA, ITU-T I.371): one
 * number per key, the theoretical arrival time, updated without a lock. A request is let
 * through while no more than {@code burst} requests are ahead of the steady rate.
 */
public class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Takes a token for the key; 0 when granted, else the nanoseconds until one is available. */
    public long tryAcquire(String keyId, RateLimit limit) {
        Bucket bucket = buckets.compute(keyId, (id, existing) ->
                existing != null && existing.limit().equals(limit) ? existing : new Bucket(limit, nanoClock.getAsLong()));
        long interval = (long) Math.ceil(1_000_000_000d / limit.requestsPerSecond());
        long tolerance = interval * (limit.burst() - 1L);
        while (true) {
            long now = nanoClock.getAsLong();
            long stored = bucket.theoreticalArrival().get();
            long arrival = Math.max(stored, now);
            long ahead = arrival - now;
            if (ahead > tolerance) {
                return ahead - tolerance;
            }
            if (bucket.theoreticalArrival().compareAndSet(stored, arrival + interval)) {
                return 0;
            }
        }
    }

    private record Bucket(RateLimit limit, AtomicLong theoreticalArrival) {

        Bucket(RateLimit limit, long now) {
            this(limit, new AtomicLong(now));
        }
    }
}
