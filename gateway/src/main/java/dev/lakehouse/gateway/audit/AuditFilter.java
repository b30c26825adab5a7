package dev.lakehouse.gateway.audit;

import dev.lakehouse.chassis.lake.LakeWriter;
import dev.lakehouse.gateway.access.Caller;
import dev.lakehouse.gateway.errors.ErrorWriter;
import dev.lakehouse.gateway.keys.RouteGroup;
import dev.lakehouse.gateway.requestid.RequestIdWebFilter;
import dev.lakehouse.schemas.audit.AuditEvent;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Writes one audit record per request once its response has ended (or the client went away):
 * who (key id, never the key), what (method, path without the query, route group, daemon),
 * how it ended (status, error code) and its cost (latency, bytes in and out). The record is
 * handed to the lake writer's queue; the request never waits for the disk.
 */
public class AuditFilter implements WebFilter, Ordered {

    /** Client closed the connection before the response ended (nginx's convention). */
    static final int CLIENT_CLOSED = 499;

    private final LakeWriter writer;
    private final Clock clock;
    private final List<PathPattern> excluded;

    public AuditFilter(LakeWriter writer, Clock clock, AuditProperties properties) {
        this.writer = writer;
        this.clock = clock;
        this.excluded = properties.excludedPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (excluded.stream().anyMatch(pattern -> pattern.matches(path))) {
            return chain.filter(exchange);
        }
        Instant arrived = clock.instant();
        long start = System.nanoTime();
        AtomicLong bytesIn = new AtomicLong();
        AtomicLong bytesOut = new AtomicLong();
        ServerWebExchange counted = exchange.mutate()
                .request(countingRequest(exchange.getRequest(), bytesIn))
                .response(countingResponse(exchange.getResponse(), bytesOut))
                .build();
        return chain.filter(counted).doFinally(signal ->
                writer.offer(record(exchange, arrived, start, bytesIn.get(), bytesOut.get(), signal)));
    }

    private AuditEvent record(ServerWebExchange exchange, Instant arrived, long start, long bytesIn, long bytesOut,
            SignalType signal) {
        ServerHttpRequest request = exchange.getRequest();
        String path = RequestIdWebFilter.originalPath(exchange);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        boolean clientGone = signal == SignalType.CANCEL && !exchange.getResponse().isCommitted();
        int code = clientGone ? CLIENT_CLOSED : status == null ? 200 : status.value();
        return new AuditEvent(AuditEvent.SCHEMA, newId(), arrived, RequestIdWebFilter.requestId(exchange),
                Caller.of(exchange).map(Caller::keyId).orElse(null), request.getMethod().name(), truncate(path, 2048),
                RouteGroup.of(path).wireName(), daemon(exchange), code, (System.nanoTime() - start) / 1e6, bytesIn,
                bytesOut, clientIp(request), truncate(request.getHeaders().getFirst("User-Agent"), 512),
                error(exchange, code, signal));
    }

    private static @Nullable String daemon(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? null : route.getId();
    }

    private static @Nullable String error(ServerWebExchange exchange, int status, SignalType signal) {
        if (status == CLIENT_CLOSED || (signal == SignalType.CANCEL && status < 400)) {
            return "client_closed_request";
        }
        if (status < 400) {
            return null;
        }
        String code = exchange.getAttribute(ErrorWriter.ERROR_CODE_ATTRIBUTE);
        return code != null ? code : "http_" + status;
    }

    private static @Nullable String clientIp(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : truncate(remote.getAddress().getHostAddress(), 64);
    }

    /** Unique, not secret (as request ids): no {@code SecureRandom} lock on the event loops. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "aud_" + Long.toHexString(System.currentTimeMillis()) + HexFormat.of().toHexDigits(random.nextLong())
                + HexFormat.of().toHexDigits((short) random.nextInt());
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static ServerHttpRequest countingRequest(ServerHttpRequest request, AtomicLong bytes) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> bytes.addAndGet(buffer.readableByteCount()));
            }
        };
    }

    private static ServerHttpResponse countingResponse(ServerHttpResponse response, AtomicLong bytes) {
        return new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return super.writeWith(Flux.from(body).doOnNext(buffer -> bytes.addAndGet(buffer.readableByteCount())));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return super.writeAndFlushWith(Flux.from(body).map(part ->
                        Flux.from(part).doOnNext(buffer -> bytes.addAndGet(buffer.readableByteCount()))));
            }
        };
    }
}
