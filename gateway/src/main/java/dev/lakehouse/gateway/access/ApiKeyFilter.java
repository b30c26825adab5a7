package dev.lakehouse.gateway.access;

import dev.lakehouse.gateway.errors.ErrorWriter;
import dev.lakehouse.gateway.keys.ApiKey;
import dev.lakehouse.gateway.keys.ApiKeyStore;
import dev.lakehouse.gateway.keys.KeysProperties;
import dev.lakehouse.gateway.keys.RouteGroup;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The door: a request needs a known key (401) allowed its route group (403), within the
 * key's rate (429 with {@code Retry-After}) and concurrency (429). The key's slot is held
 * until the response ends, streams included. Errors come in the route's own shape.
 */
@Component
public class ApiKeyFilter implements WebFilter, Ordered {

    /** After the request id and the audit, before anything reads the body. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final ApiKeyStore keys;
    private final RateLimiter rates;
    private final ConcurrencyLimiter concurrency;
    private final ErrorWriter errors;
    private final boolean required;
    private final List<PathPattern> openPaths;
    private final MeterRegistry meters;

    ApiKeyFilter(ApiKeyStore keys, RateLimiter rates, ConcurrencyLimiter concurrency, ErrorWriter errors,
            KeysProperties properties, MeterRegistry meters) {
        this.keys = keys;
        this.rates = rates;
        this.concurrency = concurrency;
        this.errors = errors;
        this.required = properties.required();
        this.openPaths = properties.openPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (!required || openPaths.stream().anyMatch(pattern -> pattern.matches(path))) {
            exchange.getAttributes().put(Caller.ATTRIBUTE, Caller.ANONYMOUS);
            return chain.filter(exchange);
        }
        RouteGroup group = RouteGroup.of(path.value());
        PresentedKey presented = PresentedKey.from(exchange.getRequest().getHeaders(), group == RouteGroup.STATUS);
        if (presented.isAbsent()) {
            return unauthenticated(exchange, group, "missing_api_key",
                    "no API key: send Authorization: Bearer <key> (or the x-api-key header)");
        }
        Optional<ApiKey> found = presented.secret() == null ? Optional.empty() : keys.find(presented.secret());
        if (found.isEmpty()) {
            return unauthenticated(exchange, group, "invalid_api_key", presented.problem() != null
                    ? "API key not accepted: " + presented.problem()
                    : "API key not accepted: it is unknown or was revoked");
        }
        return admit(exchange, chain, found.get(), group);
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, ApiKey key, RouteGroup group) {
        // Known from here on, refused or not: the audit records who was refused.
        exchange.getAttributes().put(Caller.ATTRIBUTE, new Caller(key));
        RouteGroup grant = group.requiredGrant();
        if (grant != null && !key.allows(grant)) {
            return refuse(exchange, HttpStatus.FORBIDDEN, "route_not_allowed", "Forbidden", "API key " + key.id()
                    + " is not allowed the '" + grant.wireName() + "' route group");
        }
        long waitNanos = rates.tryAcquire(key.id(), key.rate());
        if (waitNanos > 0) {
            setRetryAfter(exchange, TimeUnit.NANOSECONDS.toMillis(waitNanos) + 1);
            return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limit_exceeded", "Too many requests",
                    "API key " + key.id() + " is over its rate of " + plain(key.rate().requestsPerSecond())
                            + " requests/s (burst " + key.rate().burst() + "); retry after the Retry-After header's seconds");
        }
        if (!concurrency.tryAcquire(key.id(), key.maxConcurrent())) {
            setRetryAfter(exchange, 1000);
            return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "concurrency_limit_exceeded", "Too many requests",
                    "API key " + key.id() + " already has " + key.maxConcurrent() + " requests in flight, its limit");
        }
        return Mono.defer(() -> chain.filter(exchange)).doFinally(signal -> concurrency.release(key.id()));
    }

    private Mono<Void> unauthenticated(ServerWebExchange exchange, RouteGroup group, String code, String detail) {
        // RFC 9110 11.6.1: a 401 names the scheme to use; Basic makes a browser ask for the key on /status.
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, group == RouteGroup.STATUS
                ? "Basic realm=\"Lakehouse status\", charset=\"UTF-8\"" : "Bearer realm=\"lakehouse\"");
        return refuse(exchange, HttpStatus.UNAUTHORIZED, code, "Unauthorized", detail);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String code, String title, String detail) {
        meters.counter("lakehouse.gateway.access.refused", "reason", code).increment();
        return errors.write(exchange, status, code, title, detail);
    }

    /** RFC 9110 10.2.3 counts whole seconds; OpenAI's clients also read the finer {@code retry-after-ms}. */
    private static void setRetryAfter(ServerWebExchange exchange, long millis) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (millis + 999) / 1000)));
        headers.set("retry-after-ms", Long.toString(millis));
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
