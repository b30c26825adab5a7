package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.ProviderSettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One provider's guards: Resilience4j's breaker, bulkhead and retry, and a deadline. A call takes a circuit-breaker permission and a bulkhead
 * permit (a stream keeps both until it ends, through its {@link Lease}), runs on the caller's
 * thread within the provider's timeout ({@link CallDeadline}), and reports its outcome to the breaker. The retry is applied by
 * {@link ChatDispatcher} around whole attempts, so each try is recorded.
 */
public final class ProviderGuard {

    private final String provider;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final CallDeadline deadline;
    private final ProviderSettings settings;

    ProviderGuard(String provider, CircuitBreaker breaker, Bulkhead bulkhead, Retry retry,
            CallDeadline deadline, ProviderSettings settings) {
        this.provider = provider;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.retry = retry;
        this.deadline = deadline;
        this.settings = settings;
    }

    public String provider() {
        return provider;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public Retry retry() {
        return retry;
    }

    /** Takes the breaker's permission and a bulkhead permit, or fails over at once. */
    public Lease acquire() throws ProviderException {
        if (!breaker.tryAcquirePermission()) {
            throw new ProviderException(provider, ProviderException.Kind.CIRCUIT_OPEN, null, null,
                    provider + " circuit breaker is open after repeated failures");
        }
        if (!bulkhead.tryAcquirePermission()) {
            breaker.releasePermission();
            throw new ProviderException(provider, ProviderException.Kind.BULKHEAD_FULL, null, null,
                    provider + " has " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls in flight");
        }
        return new Lease();
    }

    /** Runs {@code work} on this thread within the provider's timeout; a timeout runs {@code onTimeout} and interrupts it. */
    public <T> T timeLimited(Callable<T> work, Runnable onTimeout) throws ProviderException {
        try {
            return deadline.call(work, settings.timeout(), onTimeout);
        } catch (TimeoutException e) {
            throw ProviderException.timeout(provider, "no answer within " + settings.timeout().toSeconds() + "s");
        } catch (ProviderException e) {
            throw e;
        } catch (Exception e) {
            throw ProviderException.protocol(provider, "unexpected failure: " + e.getClass().getSimpleName());
        }
    }

    /** The permissions one call holds; exactly one of {@link #succeed()} and {@link #fail} must be called. */
    public final class Lease {

        private final long start = System.nanoTime();
        private boolean done;

        private Lease() {
        }

        public void succeed() {
            if (!done) {
                done = true;
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                bulkhead.onComplete();
            }
        }

        /** Reports a failure; the breaker counts it only when it is the provider's fault. */
        public void fail(ProviderException failure) {
            if (!done) {
                done = true;
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                bulkhead.onComplete();
            }
        }

        /** The client went away: no verdict on the provider. */
        public void release() {
            if (!done) {
                done = true;
                breaker.releasePermission();
                bulkhead.onComplete();
            }
        }
    }
}
