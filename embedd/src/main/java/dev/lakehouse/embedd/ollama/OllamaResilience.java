package dev.lakehouse.embedd.ollama;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Resilience4j configuration of the Ollama calls, from {@link OllamaProperties}: which failures
 * are retried and how long to wait (Retry-After honoured), which ones the breaker counts.
 */
public record OllamaResilience(CircuitBreakerRegistry breakers, RetryRegistry retries) {

    public static final String NAME = "ollama";

    public static OllamaResilience from(OllamaProperties properties) {
        OllamaProperties.CircuitBreaker breaker = properties.circuitBreaker();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .recordException(OllamaResilience::isFailure)
                .build();
        OllamaProperties.Retry retry = properties.retry();
        RetryConfig retryConfig = RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .retryOnException(error -> isRetryable(error, retry.maxRetryAfter()))
                .intervalBiFunction(backoff(retry))
                .build();
        return new OllamaResilience(CircuitBreakerRegistry.of(breakerConfig), RetryRegistry.of(retryConfig));
    }

    public CircuitBreaker circuitBreaker() {
        return breakers.circuitBreaker(NAME);
    }

    public Retry retry() {
        return retries.retry(NAME);
    }

    /** What says Ollama is unwell: no answer, or a 5xx. Its 4xx are answers (model not found, bad input). */
    static boolean isFailure(Throwable error) {
        return error instanceof OllamaUnreachableException
                || error instanceof OllamaResponseException response && response.isServerError();
    }

    static boolean isRetryable(Throwable error, Duration maxRetryAfter) {
        if (error instanceof OllamaUnreachableException unreachable) {
            return unreachable.kind() == OllamaUnreachableException.Kind.CONNECT
                    || unreachable.kind() == OllamaUnreachableException.Kind.BROKEN;
        }
        if (error instanceof OllamaResponseException response && (response.isServerError() || response.status() == 429)) {
            Duration retryAfter = response.retryAfter();
            return retryAfter == null || retryAfter.compareTo(maxRetryAfter) <= 0;
        }
        return false;
    }

    private static IntervalBiFunction<Object> backoff(OllamaProperties.Retry retry) {
        return (attempt, outcome) -> {
            Duration retryAfter = retryAfterOf(outcome);
            if (retryAfter != null) {
                return retryAfter.toMillis();
            }
            return (long) (retry.initialBackoff().toMillis() * Math.pow(retry.multiplier(), attempt - 1));
        };
    }

    private static @Nullable Duration retryAfterOf(Either<Throwable, Object> outcome) {
        return outcome.isLeft() && outcome.getLeft() instanceof OllamaResponseException response
                ? response.retryAfter() : null;
    }
}
