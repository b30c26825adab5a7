package dev.lakehouse.gateway.routing;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.chassis.internalauth.InternalToken;
import dev.lakehouse.gateway.access.Caller;
import dev.lakehouse.gateway.keys.ApiKey;
import dev.lakehouse.gateway.requestid.RequestIdWebFilter;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What crosses from the public side to a daemon: the internal token and the request id are
 * added, and anything a client could use to impersonate the gateway (the token, forwarded
 * identity headers) or that daemons must never see (API keys) is removed. The caller's key is
 * then forwarded as its id and its allowed roles and collections (absent: all), which chatd
 * and vectord enforce.
 *
 * <p>Applied to the proxied request only, while Spring Cloud Gateway builds it: mutating the
 * exchange's request instead copies every header once more per request, which was a measurable
 * share of the gateway's CPU (docs/benchmarks.md).
 */
@Component
class DaemonHeadersFilter implements HttpHeadersFilter, Ordered {

    private final InternalToken token;

    DaemonHeadersFilter(InternalToken token) {
        this.token = token;
    }

    /** Last, so that no other filter sees (or could re-add) what is stripped. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = HttpHeaders.copyOf(input);
        stripClientControlledHeaders(headers);
        headers.set(LakehouseHeaders.INTERNAL_TOKEN, token.value());
        headers.set(LakehouseHeaders.REQUEST_ID, RequestIdWebFilter.requestId(exchange));
        forwardIdentity(headers, Caller.of(exchange).map(Caller::key).orElse(null));
        return headers;
    }

    static void forwardIdentity(HttpHeaders headers, @Nullable ApiKey key) {
        if (key == null) {
            return;
        }
        headers.set(LakehouseHeaders.KEY_ID, key.id());
        if (key.roles() != null) {
            headers.set(LakehouseHeaders.ALLOWED_ROLES, joined(key.roles()));
        }
        if (key.collections() != null) {
            headers.set(LakehouseHeaders.ALLOWED_COLLECTIONS, joined(key.collections()));
        }
    }

    private static String joined(Set<String> names) {
        return String.join(",", names.stream().sorted().toList());
    }

    static void stripClientControlledHeaders(HttpHeaders headers) {
        headers.remove(LakehouseHeaders.INTERNAL_TOKEN);
        headers.remove(LakehouseHeaders.KEY_ID);
        headers.remove(LakehouseHeaders.ALLOWED_ROLES);
        headers.remove(LakehouseHeaders.ALLOWED_COLLECTIONS);
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.remove("x-api-key");
    }
}
