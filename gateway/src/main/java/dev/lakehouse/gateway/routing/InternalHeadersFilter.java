package dev.lakehouse.gateway.routing;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.chassis.internalauth.InternalToken;
import dev.lakehouse.gateway.access.Caller;
import dev.lakehouse.gateway.keys.ApiKey;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What crosses from the public side to a daemon: the internal token is added, and anything
 * a client could use to impersonate the gateway (the token, forwarded identity headers) or
 * that daemons must never see (API keys) is removed. The caller's key is then forwarded as
 * its id and its allowed roles and collections (absent: all), which chatd and vectord enforce.
 */
@Component
class InternalHeadersFilter implements GlobalFilter, Ordered {

    private final InternalToken token;

    InternalHeadersFilter(InternalToken token) {
        this.token = token;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ApiKey key = Caller.of(exchange).map(Caller::key).orElse(null);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            stripClientControlledHeaders(headers);
            headers.set(LakehouseHeaders.INTERNAL_TOKEN, token.value());
            forwardIdentity(headers, key);
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
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
