package dev.lakehouse.replayd.target;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One run's pace towards chatd: at most {@code ratePerSecond} calls started per second, spread
 * evenly (a Resilience4j rate limiter with one permit per {@code 1/rate} seconds), and a pause
 * every worker honours after chatd answered 429 with a Retry-After.
 */
public final class Throttle {

    private static final Duration PERMIT_WAIT = Duration.ofMillis(500);

    private final RateLimiter limiter;
    private final Object lock = new Object();
    private long pausedUntilNanos;
    private final AtomicLong pauses = new AtomicLong();

    public Throttle(String runId, double ratePerSecond) {
        long periodNanos = Math.max(1_000L, Math.round(1_000_000_000d / ratePerSecond));
        this.limiter = RateLimiter.of("replay-" + runId, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(PERMIT_WAIT)
                .build());
    }

    /**
     * Waits until a call may start: after any pause, and within the rate.
     *
     * @param stop checked while waiting; true ends the wait
     * @return false when {@code stop} ended the wait
     */
    public boolean acquire(BooleanSupplier stop) throws InterruptedException {
        while (true) {
            if (stop.getAsBoolean()) {
                return false;
            }
            long wait;
            synchronized (lock) {
                wait = pausedUntilNanos - System.nanoTime();
            }
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(Math.min(wait, PERMIT_WAIT.toNanos())));
                continue;
            }
            if (limiter.acquirePermission()) {
                return true;
            }
        }
    }

    /** Holds every worker of the run back for {@code delay} (chatd said 429, Retry-After {@code delay}). */
    public void pause(Duration delay) {
        synchronized (lock) {
            pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + delay.toNanos());
        }
        pauses.incrementAndGet();
    }

    /** How often chatd told this run to slow down. */
    public long pauses() {
        return pauses.get();
    }
}
