package dev.lakehouse.gateway.edgecache;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.gateway.edgecache.EdgeAnswers.Answer;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers an exact repeat of an OpenAI embeddings request from the gateway: same path, same
 * body bytes, hence the same answer from embedd, whose models are deterministic. Runs inside
 * the route, so keys, limits, request ids and the audit record apply to every request; only
 * the hop to embedd is saved. Anything that could make the answer differ (another media type,
 * a query, {@code Cache-Control: no-cache}) passes through untouched, and only embedd's complete
 * 200 JSON answers are kept.
 */
class EdgeCacheFilter implements GlobalFilter, Ordered {

    static final String PATH = "/v1/embeddings";

    private final EdgeAnswers answers;
    private final int maxRequestBytes;
    private final int maxAnswerBytes;

    EdgeCacheFilter(EdgeAnswers answers, EdgeCacheProperties properties) {
        this.answers = answers;
        this.maxRequestBytes = Math.toIntExact(properties.maxRequestSize().toBytes());
        this.maxAnswerBytes = Math.toIntExact(properties.maxAnswerSize().toBytes());
    }

    /**
     * Ahead of the route's breaker (a hit needs no daemon) and of Spring Cloud Gateway's
     * response writer, so that the answer it writes passes through the copy kept here.
     */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!cacheable(request)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), maxRequestBytes)
                .map(EdgeCacheFilter::drain)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    RequestDigest digest = RequestDigest.of(PATH, body);
                    Answer answer = answers.lookUp(digest);
                    if (answer != null) {
                        return serve(exchange.getResponse(), answer);
                    }
                    return chain.filter(exchange.mutate()
                            .request(replaying(request, body))
                            .response(keeping(exchange.getResponse(), digest))
                            .build());
                });
    }

    private boolean cacheable(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        long length = headers.getContentLength();
        return request.getMethod() == HttpMethod.POST
                && request.getPath().pathWithinApplication().value().equals(PATH)
                && request.getURI().getRawQuery() == null
                && length > 0 && length <= maxRequestBytes
                && isJson(headers.getContentType())
                && acceptsJson(headers.getAccept())
                && !forbidsCache(headers);
    }

    private static boolean isJson(@Nullable MediaType type) {
        return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type);
    }

    private static boolean acceptsJson(List<MediaType> accepted) {
        return accepted.isEmpty() || accepted.stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith);
    }

    /** {@code no-cache} or {@code no-store} from the client or, on the answer, from embedd. */
    private static boolean forbidsCache(HttpHeaders headers) {
        String cacheControl = String.join(",", headers.getOrEmpty(HttpHeaders.CACHE_CONTROL)).toLowerCase(Locale.ROOT);
        return cacheControl.contains("no-cache") || cacheControl.contains("no-store")
                || headers.getOrEmpty(HttpHeaders.PRAGMA).stream().anyMatch(value -> value.contains("no-cache"));
    }

    private Mono<Void> serve(ServerHttpResponse response, Answer answer) {
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, answer.contentType());
        headers.setContentLength(answer.body().length);
        headers.set(LakehouseHeaders.CACHE, "hit");
        headers.set(HttpHeaders.AGE, Long.toString(answers.age(answer).toSeconds()));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(answer.body())));
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request as the client sent it, its body now read once. */
    private static ServerHttpRequest replaying(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    /** The response, a copy of whose body is kept once it has all passed, if it is an answer worth keeping. */
    private ServerHttpResponse keeping(ServerHttpResponse response, RequestDigest digest) {
        return new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                HttpHeaders headers = getHeaders();
                if (!keepable(getStatusCode(), headers)) {
                    return super.writeWith(body);
                }
                AnswerCopy copy = new AnswerCopy(maxAnswerBytes);
                String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
                return super.writeWith(Flux.from(body)
                        .doOnNext(copy::append)
                        .doOnComplete(() -> {
                            byte[] bytes = copy.bytes();
                            if (bytes != null && contentType != null) {
                                answers.store(digest, bytes, contentType);
                            }
                        }));
            }
        };
    }

    private boolean keepable(@Nullable HttpStatusCode status, HttpHeaders headers) {
        return status != null && status.value() == HttpStatus.OK.value()
                && isJson(headers.getContentType())
                && !headers.containsHeader(HttpHeaders.CONTENT_ENCODING)
                && headers.getContentLength() <= maxAnswerBytes
                && !forbidsCache(headers);
    }
}
