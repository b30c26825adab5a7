package dev.lakehouse.chassis.internalauth;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calls between daemons carry a shared token; only probes and scrapers go without.
 *
 * @param token the shared secret, from {@code LAKEHOUSE_INTERNAL_TOKEN}; a daemon refuses to start without it
 * @param openPaths path patterns readable without the token: health for probes, prometheus for scrapers
 */
@ConfigurationProperties("lakehouse.internal")
public record InternalAuthProperties(
        @Nullable String token,
        @DefaultValue({"/actuator/health", "/actuator/health/**", "/actuator/prometheus"}) List<String> openPaths) {

    /** Shorter tokens are guessable; {@code ./lakehouse up} generates 48 hex characters. */
    public static final int MIN_TOKEN_LENGTH = 16;
}
