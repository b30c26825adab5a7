package dev.lakehouse.gateway.errors;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.gateway.requestid.RequestIdWebFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an error in the shape the route's clients parse, carrying the request id. */
@Component
public class ErrorWriter {

    private static final String TYPE_BASE = "https://lakehouse.dev/problems/";
    /** The code of the error the gateway answered with, for the audit record. */
    public static final String ERROR_CODE_ATTRIBUTE = ErrorWriter.class.getName() + ".code";

    private final JsonMapper json;

    public ErrorWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        exchange.getAttributes().put(ERROR_CODE_ATTRIBUTE, code);
        String path = RequestIdWebFilter.originalPath(exchange);
        ErrorShape shape = ErrorShape.forPath(path);
        String requestId = RequestIdWebFilter.requestId(exchange);
        byte[] body = json.writeValueAsBytes(shape.body(status, code, title, detail, TYPE_BASE + code, path, requestId));
        response.setStatusCode(status);
        response.getHeaders().setContentType(shape.mediaType());
        response.getHeaders().setContentLength(body.length);
        response.getHeaders().set(LakehouseHeaders.REQUEST_ID, requestId);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
