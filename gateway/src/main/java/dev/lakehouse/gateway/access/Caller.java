package dev.lakehouse.gateway.access;

import dev.lakehouse.gateway.keys.ApiKey;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who made a request, once the key filter let it through: a key, or nobody on open paths and
 * when keys are not required.
 */
public record Caller(@Nullable ApiKey key) {

    static final String ATTRIBUTE = Caller.class.getName();
    static final Caller ANONYMOUS = new Caller(null);

    public static Optional<Caller> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    /** The key's id, for daemons and the audit; never its secret. */
    public @Nullable String keyId() {
        return key == null ? null : key.id();
    }
}
