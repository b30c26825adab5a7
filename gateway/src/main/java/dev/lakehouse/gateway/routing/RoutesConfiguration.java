package dev.lakehouse.gateway.routing;

import dev.lakehouse.gateway.limits.BodyTooLargeException;
import dev.lakehouse.gateway.limits.RequestReadTimeoutException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per daemon, each behind its own circuit breaker: a dead daemon makes its own
 * routes answer 503 quickly and leaves every other route alone.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    static final String FALLBACK_PATH = "/_gateway/unavailable/";

    @Bean
    RouteLocator daemonRoutes(RouteLocatorBuilder builder, DaemonsProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.daemons().forEach((name, daemon) -> {
            if (daemon.paths().isEmpty()) {
                return;
            }
            routes.route(name, route -> route
                    .path(daemon.paths().toArray(String[]::new))
                    .filters(filters -> filters.circuitBreaker(breaker -> breaker
                            .setName(name)
                            .setFallbackUri("forward:" + FALLBACK_PATH + name)))
                    .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) daemon.connectTimeout().toMillis())
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, daemon.responseTimeout().toMillis())
                    .uri(daemon.url()));
        });
        return routes.build();
    }

    /**
     * Connect errors and timeouts count as failures; an answer, even a 5xx, does not, since a
     * daemon that answers is alive, and neither does a client's body cut off at its limit or
     * too slow to arrive, or a client could open the breaker for everyone. Half of the last 20 calls failing opens the
     * breaker for 5 s.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> daemonBreakers(DaemonsProperties properties) {
        return factory -> properties.daemons().forEach((name, daemon) -> factory.configure(config -> config
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(5))
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .ignoreExceptions(BodyTooLargeException.class, RequestReadTimeoutException.class)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(daemon.maxDuration()).build()), name));
    }
}
