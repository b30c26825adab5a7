package dev.lakehouse.chatd.provider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How chatd reaches one provider.
 *
 * @param enabled false switches the provider off whatever else is set
 * @param baseUrl the provider's API root (the provider's {@code *_BASE_URL} variable)
 * @param apiKey the provider's key (the provider's {@code *_API_KEY} variable); a provider that needs
 *     one and has none is disabled. Never logged, never in an error, never in an observation
 * @param models the models offered under this provider in {@code GET /v1/models} and for bare model
 *     names; the first one is the provider's default in a role without a chain. Any other model name
 *     can still be asked for as {@code provider/model}
 * @param headers extra request headers (anthropic-version, OpenRouter's X-Title, ...)
 * @param connectTimeout time to open a connection
 * @param timeout time for a whole non-streamed answer, and for a stream's first event
 * @param streamIdleTimeout longest silence between two events of a stream before it counts as cut
 * @param defaultMaxTokens output limit sent when the client set none and the provider requires one (Anthropic)
 * @param resilience retry, circuit breaker and bulkhead of this provider
 */
public record ProviderSettings(
        @DefaultValue("true") boolean enabled,
        URI baseUrl,
        @Nullable String apiKey,
        @DefaultValue List<String> models,
        @DefaultValue Map<String, String> headers,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("60s") Duration streamIdleTimeout,
        @DefaultValue("4096") int defaultMaxTokens,
        @DefaultValue ResilienceSettings resilience) {

    public boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Records print every component; this one must not print the key. */
    @Override
    public String toString() {
        return "ProviderSettings[enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiKey=" + (hasKey() ? "****" : "unset")
                + ", models=" + models + "]";
    }

    /**
     * Resilience4j settings of one provider.
     *
     * @param maxAttempts calls per provider and attempt chain link, the first included (retries on 429, 5xx,
     *     connect errors and streams cut before the first byte)
     * @param initialBackoff wait before the first retry when the provider sent no Retry-After
     * @param backoffMultiplier growth of the wait between retries
     * @param maxRetryAfter longest Retry-After honoured; a provider asking for more is failed over at once
     * @param failureRateThreshold percentage of failed calls that opens the circuit breaker
     * @param slidingWindowSize calls the failure rate is measured over
     * @param minimumNumberOfCalls calls needed before the failure rate counts
     * @param waitInOpenState how long an open breaker refuses calls before it lets probes through
     * @param maxConcurrentCalls bulkhead: calls (streams included) in flight at once; more fail over at once
     */
    public record ResilienceSettings(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("250ms") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier,
            @DefaultValue("10s") Duration maxRetryAfter,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("30s") Duration waitInOpenState,
            @DefaultValue("64") int maxConcurrentCalls) {
    }
}
