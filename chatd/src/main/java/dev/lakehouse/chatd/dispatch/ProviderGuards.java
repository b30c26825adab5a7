package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.ProviderSettings;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/** Builds one {@link ProviderGuard} per provider from its typed settings, with metrics in Prometheus. */
public final class ProviderGuards implements DisposableBean {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final CallDeadline deadline = new CallDeadline();
    private final Map<String, ProviderGuard> guards = new ConcurrentHashMap<>();

    public ProviderGuards(MeterRegistry meters) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    }

    public ProviderGuard register(String provider, ProviderSettings settings) {
        ProviderSettings.ResilienceSettings resilience = settings.resilience();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .failureRateThreshold(resilience.failureRateThreshold())
                .slidingWindowSize(resilience.slidingWindowSize())
                .minimumNumberOfCalls(resilience.minimumNumberOfCalls())
                .waitDurationInOpenState(resilience.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(error -> error instanceof ProviderException failure && failure.providerFault())
                .build();
        BulkheadConfig bulkhead = BulkheadConfig.custom()
                .maxConcurrentCalls(resilience.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build();
        RetryConfig retry = RetryConfig.custom()
                .maxAttempts(Math.max(1, resilience.maxAttempts()))
                .retryOnException(error -> retryable(error, resilience.maxRetryAfter()))
                .intervalBiFunction(interval(resilience))
                .failAfterMaxAttempts(false)
                .build();
        ProviderGuard guard = new ProviderGuard(provider, breakers.circuitBreaker(provider, breaker),
                bulkheads.bulkhead(provider, bulkhead), retries.retry(provider, retry), deadline, settings);
        guards.put(provider, guard);
        return guard;
    }

    public @Nullable ProviderGuard guard(String provider) {
        return guards.get(provider);
    }

    /** Retryable provider failures, unless the provider asks for a longer wait than we honour. */
    static boolean retryable(Throwable error, Duration maxRetryAfter) {
        return error instanceof ProviderException failure && failure.retryable()
                && (failure.retryAfter() == null || failure.retryAfter().compareTo(maxRetryAfter) <= 0);
    }

    /** Retry-After when the provider sent one (RFC 9110 10.2.3), exponential backoff otherwise. */
    static IntervalBiFunction<Object> interval(ProviderSettings.ResilienceSettings resilience) {
        return (attempt, outcome) -> {
            if (outcome instanceof Either<Throwable, Object> either && either.isLeft()
                    && either.getLeft() instanceof ProviderException failure && failure.retryAfter() != null) {
                return failure.retryAfter().toMillis();
            }
            double factor = Math.pow(resilience.backoffMultiplier(), Math.max(0, attempt - 1));
            return (long) (resilience.initialBackoff().toMillis() * factor);
        };
    }

    @Override
    public void destroy() {
        deadline.close();
    }
}
