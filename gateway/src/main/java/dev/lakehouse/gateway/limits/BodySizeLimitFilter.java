package dev.lakehouse.gateway.limits;

import dev.lakehouse.gateway.errors.ErrorWriter;
import dev.lakehouse.gateway.keys.RouteGroup;
import io.netty.handler.timeout.ReadTimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Guards request bodies. The body limit of each route group: a declared {@code Content-Length}
 * over it is answered 413 before a byte is read; a body without one (chunked) is counted as it
 * streams through and cut off with 413 when it passes the limit. A body that stops arriving
 * (Netty's read or request timeout on the client's connection) becomes a 408, told apart from a
 * daemon's timeout because it fails the request body, not the daemon's response.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    private final EdgeLimitsProperties limits;
    private final ErrorWriter errors;

    BodySizeLimitFilter(EdgeLimitsProperties limits, ErrorWriter errors) {
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String group = RouteGroup.of(exchange.getRequest().getPath().value()).wireName();
        DataSize limit = limits.maxBodySizeOf(group);
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return errors.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "Content too large",
                    BodyTooLargeException.describe(group, limit));
        }
        return chain.filter(exchange.mutate().request(guarded(exchange.getRequest(), group, limit)).build());
    }

    private ServerHttpRequest guarded(ServerHttpRequest request, String group, DataSize limit) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().<DataBuffer>handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(BodyTooLargeException.of(group, limit));
                    } else {
                        sink.next(buffer);
                    }
                }).onErrorMap(BodySizeLimitFilter::isReadTimeout, error -> RequestReadTimeoutException.of(limits, error));
            }
        };
    }

    /** Netty's read timeout, or Reactor Netty's request timeout (whose exception type is not public). */
    private static boolean isReadTimeout(Throwable error) {
        return error instanceof ReadTimeoutException
                || error.getClass().getName().equals("reactor.netty.http.server.RequestTimeoutException");
    }
}
