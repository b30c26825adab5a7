package dev.lakehouse.gateway.limits;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the public edge (documented in docs/limits.md). Header sizes are Boot's own
 * {@code server.max-http-request-header-size} and {@code server.netty.max-initial-line-length}.
 *
 * @param maxBodySize largest request body of a route group not listed in {@code maxBodySizeByGroup}
 * @param maxBodySizeByGroup largest request body per route group (embed, vectors, chat, validate,
 *     datasets, replays, admin, models, status, health, none); larger ones get 413 in the route's shape
 * @param headerReadTimeout time allowed from a connection's opening, or the end of its previous
 *     response, until the next request's headers are complete; then the connection is closed. Bounds
 *     idle keep-alive connections and clients that send their headers a byte at a time
 * @param bodyReadTimeout longest pause while reading a request body (408 and close after it)
 * @param requestReadTimeout longest time to read a whole request body (408 and close after it)
 */
@ConfigurationProperties("lakehouse.gateway.limits")
public record EdgeLimitsProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue Map<String, DataSize> maxBodySizeByGroup,
        @DefaultValue("20s") Duration headerReadTimeout,
        @DefaultValue("20s") Duration bodyReadTimeout,
        @DefaultValue("120s") Duration requestReadTimeout) {

    public DataSize maxBodySizeOf(String group) {
        return maxBodySizeByGroup.getOrDefault(group, maxBodySize);
    }
}
