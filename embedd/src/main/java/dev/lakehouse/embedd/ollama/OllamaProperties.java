package dev.lakehouse.embedd.ollama;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ollama, called directly (no sidecar) for every model not served in process.
 *
 * @param baseUrl where Ollama listens; {@code OLLAMA_BASE_URL}
 * @param connectTimeout longest wait for a TCP connection
 * @param readTimeout longest wait for Ollama's answer to one call (a large batch on a CPU can take long)
 * @param healthTimeout longest wait for Ollama's version in a health check
 * @param maxConcurrentRequests calls to Ollama in flight at once; further misses queue and batch
 * @param modelListTtl how long the list of Ollama's embedding models is reused
 * @param retry retries of failed calls
 * @param circuitBreaker when to stop calling an Ollama that keeps failing
 */
@ConfigurationProperties("lakehouse.embedd.ollama")
public record OllamaProperties(
        @DefaultValue("http://localhost:11434") URI baseUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("1s") Duration healthTimeout,
        @DefaultValue("4") int maxConcurrentRequests,
        @DefaultValue("30s") Duration modelListTtl,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker) {

    public OllamaProperties {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("lakehouse.embedd.ollama.max-concurrent-requests must be at least 1");
        }
    }

    /**
     * Retries of connect errors, 5xx and 429 (never of read timeouts: the work may still be running).
     *
     * @param maxAttempts attempts in all, the first included
     * @param initialBackoff wait before the second attempt
     * @param multiplier factor by which each further wait grows
     * @param maxRetryAfter longest {@code Retry-After} honoured; a longer one fails the call at once
     */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10s") Duration maxRetryAfter) {
    }

    /**
     * Counts connect errors, timeouts and 5xx answers; never Ollama's 4xx (it answered).
     *
     * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
     * @param slidingWindowSize calls in the window
     * @param minimumNumberOfCalls calls before the rate is judged
     * @param waitDurationInOpenState how long an open circuit refuses calls before trying again
     * @param permittedCallsInHalfOpenState trial calls that decide whether it closes
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration waitDurationInOpenState,
            @DefaultValue("2") int permittedCallsInHalfOpenState) {
    }
}
