package dev.lakehouse.replayd.peer;

import dev.lakehouse.replayd.ReplaydProperties;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The retry policies of the peer calls (Resilience4j): what is worth another try, and how
 * long to wait — the peer's {@code Retry-After} when it gave one, otherwise an exponential
 * backoff, never longer than {@code maxBackoff}.
 */
public final class PeerRetries {

    private final ReplaydProperties.Retry settings;
    private final Clock clock;

    public PeerRetries(ReplaydProperties.Retry settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * chatd: a 429 is worth waiting for, as is a 503 that says when to come back (Retry-After)
     * and a chatd that cannot be reached. A 503 without Retry-After (validation unavailable, no
     * provider configured) is the target's answer: retrying it would only slow the run down.
     */
    public Retry chatd() {
        return retry("chatd", e -> e instanceof ResourceAccessException || status(e, HttpStatus.TOO_MANY_REQUESTS)
                || status(e, HttpStatus.SERVICE_UNAVAILABLE) && retryAfter(e).isPresent());
    }

    /** validated and embedd: a 4xx is about the request and final; a 5xx or no answer may pass. */
    public Retry peer(String name) {
        return retry(name, e -> e instanceof ResourceAccessException
                || e instanceof RestClientResponseException response && response.getStatusCode().is5xxServerError());
    }

    /** How long the peer asked to wait, if it did. */
    public Optional<Duration> retryAfter(Throwable e) {
        if (e instanceof RestClientResponseException response && response.getResponseHeaders() != null) {
            return RetryAfter.parse(response.getResponseHeaders().getFirst("Retry-After"), clock.instant())
                    .map(delay -> delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay);
        }
        return Optional.empty();
    }

    /** How long every worker of a run holds back after chatd said 429: its Retry-After, or the initial backoff. */
    public Duration pauseAfterThrottling(Throwable e) {
        return retryAfter(e).orElse(settings.initialBackoff());
    }

    private Retry retry(String name, Predicate<Throwable> retryable) {
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            Optional<Duration> asked = outcome.isLeft() ? retryAfter(outcome.getLeft()) : Optional.empty();
            return asked.orElseGet(() -> backoff(attempt)).toMillis();
        };
        return Retry.of(name, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(retryable)
                .intervalBiFunction(interval)
                .build());
    }

    private Duration backoff(int attempt) {
        Duration delay = settings.initialBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private static boolean status(Throwable e, HttpStatus status) {
        return e instanceof RestClientResponseException response && response.getStatusCode().value() == status.value();
    }
}
