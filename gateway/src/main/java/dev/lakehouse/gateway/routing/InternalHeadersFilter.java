package dev.lakehouse.gateway.routing;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.chassis.internalauth.InternalToken;
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
 * that daemons must never see (API keys) is removed.
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
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            stripClientControlledHeaders(headers);
            headers.set(LakehouseHeaders.INTERNAL_TOKEN, token.value());
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
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
