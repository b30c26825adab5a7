package dev.lakehouse.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTests {

    private final ConcurrencyLimiter limiter = new ConcurrencyLimiter();

    @Test
    void slotsAreHeldUntilReleased() {
        boolean first = limiter.tryAcquire("k", 2);
        boolean second = limiter.tryAcquire("k", 2);
        boolean third = limiter.tryAcquire("k", 2);
        limiter.release("k");
        boolean afterRelease = limiter.tryAcquire("k", 2);

        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(third).isFalse();
        assertThat(afterRelease).isTrue();
        assertThat(limiter.inFlight("k")).isEqualTo(2);
    }
}
