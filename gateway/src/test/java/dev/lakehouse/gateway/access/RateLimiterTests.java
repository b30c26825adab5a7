package dev.lakehouse.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.gateway.keys.RateLimit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void burstIsGrantedAtOnceThenTheNextWaitsOneInterval() {
        RateLimit limit = new RateLimit(10, 3);

        long first = limiter.tryAcquire("k", limit);
        long second = limiter.tryAcquire("k", limit);
        long third = limiter.tryAcquire("k", limit);
        long fourth = limiter.tryAcquire("k", limit);

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(third).isZero();
        assertThat(fourth).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void tokensFlowBackAtTheRate() {
        RateLimit limit = new RateLimit(10, 1);
        limiter.tryAcquire("k", limit);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
        long halfway = limiter.tryAcquire("k", limit);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
        long afterInterval = limiter.tryAcquire("k", limit);

        assertThat(halfway).isEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(afterInterval).isZero();
    }

    @Test
    void idleKeyDoesNotSaveUpMoreThanItsBurst() {
        RateLimit limit = new RateLimit(100, 2);

        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        int granted = 0;
        for (int i = 0; i < 10; i++) {
            granted += limiter.tryAcquire("k", limit) == 0 ? 1 : 0;
        }

        assertThat(granted).isEqualTo(2);
    }

    @Test
    void keysHaveSeparateBucketsAndAChangedLimitStartsAFreshOne() {
        limiter.tryAcquire("a", new RateLimit(1, 1));

        long other = limiter.tryAcquire("b", new RateLimit(1, 1));
        long sameLimit = limiter.tryAcquire("a", new RateLimit(1, 1));
        long raisedLimit = limiter.tryAcquire("a", new RateLimit(5, 5));

        assertThat(other).isZero();
        assertThat(sameLimit).isPositive();
        assertThat(raisedLimit).isZero();
    }
}
