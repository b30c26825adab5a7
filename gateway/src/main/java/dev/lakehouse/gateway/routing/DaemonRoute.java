package dev.lakehouse.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where one daemon lives and which public paths go to it.
 *
 * @param url base URL of the daemon, from {@code LAKEHOUSE_<DAEMON>_URL}
 * @param paths public path patterns routed to it, unchanged
 * @param connectTimeout time allowed to open a connection; a dead daemon refuses at once
 * @param responseTimeout longest wait for the daemon's response to begin and between its reads
 * @param maxDuration longest wait for the daemon's answer to begin (the breaker's time limiter); a stream is then bounded by {@code responseTimeout} between reads
 */
public record DaemonRoute(
        URI url,
        @DefaultValue List<String> paths,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("10m") Duration maxDuration) {
}
