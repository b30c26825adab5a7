package dev.lakehouse.gateway.models;

import dev.lakehouse.gateway.errors.ErrorWriter;
import dev.lakehouse.gateway.requestid.RequestIdWebFilter;
import dev.lakehouse.gateway.routing.DaemonCalls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}} in OpenAI's format: embedd's and
 * chatd's models together. When neither has one, a 503 in OpenAI's error shape says why for
 * each daemon, instead of an empty list a client would take for "no models exist".
 */
@RestController
class ModelsController {

    static final List<String> SOURCES = List.of("embedd", "chatd");

    private final DaemonCalls daemons;
    private final ErrorWriter errors;
    private final JsonMapper json;

    ModelsController(DaemonCalls daemons, ErrorWriter errors, JsonMapper json) {
        this.daemons = daemons;
        this.errors = errors;
        this.json = json;
    }

    @GetMapping("/v1/models")
    Mono<Void> list(ServerWebExchange exchange) {
        return collect(exchange).flatMap(models -> models.isEmpty()
                ? Mono.empty()
                : writeJson(exchange, Map.of("object", "list", "data", models.values())));
    }

    @GetMapping("/v1/models/{*id}")
    Mono<Void> retrieve(@PathVariable String id, ServerWebExchange exchange) {
        String wanted = id.startsWith("/") ? id.substring(1) : id;
        return collect(exchange).flatMap(models -> {
            if (models.isEmpty()) {
                return Mono.empty();
            }
            JsonNode model = models.get(wanted);
            return model != null ? writeJson(exchange, model)
                    : errors.write(exchange, HttpStatus.NOT_FOUND, "model_not_found", "Not found",
                            "The model '" + wanted + "' does not exist; GET /v1/models lists the available ones");
        });
    }

    /** The models by id, embedd's first; when there are none, writes the 503 and completes empty. */
    private Mono<Map<String, JsonNode>> collect(ServerWebExchange exchange) {
        String requestId = RequestIdWebFilter.requestId(exchange);
        return Flux.fromIterable(SOURCES)
                .flatMapSequential(daemon -> daemons.get(daemon, "/v1/models", requestId)
                        .map(answer -> ModelSource.from(daemon, answer, json)))
                .collectList()
                .flatMap(sources -> {
                    Map<String, JsonNode> models = new LinkedHashMap<>();
                    sources.forEach(source -> source.models().forEach(model -> models.putIfAbsent(model.path("id").asString(), model)));
                    if (!models.isEmpty()) {
                        return Mono.just(models);
                    }
                    List<String> reasons = new ArrayList<>();
                    sources.forEach(source -> reasons.add(source.daemon() + ": " + source.problem()));
                    return errors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "no_models_available",
                            "No model available", "No model is available: " + String.join("; ", reasons)).then(Mono.empty());
                });
    }

    private Mono<Void> writeJson(ServerWebExchange exchange, Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        exchange.getResponse().getHeaders().setContentLength(bytes.length);
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(bytes)));
    }
}
