package dev.lakehouse.gateway.requestid;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.chassis.requestid.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Accepts the client's request id when safe, or makes one, and returns it on the response,
 * exactly once, whoever writes the response. The routing's header filter forwards it to the
 * daemon.
 */
@Component
public class RequestIdWebFilter implements WebFilter, Ordered {

    private static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";
    private static final String PATH_ATTRIBUTE = RequestIdWebFilter.class.getName() + ".path";

    public static String requestId(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(ATTRIBUTE);
        return id instanceof String value ? value : RequestIds.generate();
    }

    /** The path the client asked for, also after a forward to a fallback. */
    public static String originalPath(ServerWebExchange exchange) {
        Object path = exchange.getAttribute(PATH_ATTRIBUTE);
        return path instanceof String value ? value : exchange.getRequest().getPath().value();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(LakehouseHeaders.REQUEST_ID));
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getAttributes().put(PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(LakehouseHeaders.REQUEST_ID, id);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
