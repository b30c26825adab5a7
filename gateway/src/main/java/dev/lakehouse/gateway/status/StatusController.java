package dev.lakehouse.gateway.status;

import dev.lakehouse.gateway.requestid.RequestIdWebFilter;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /status}: the suite at a glance, for an operator's browser. */
@RestController
class StatusController {

    private final StatusCollector collector;
    private final StatusProperties properties;

    StatusController(StatusCollector collector, StatusProperties properties) {
        this.collector = collector;
        this.properties = properties;
    }

    @GetMapping(path = "/status", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> status(ServerWebExchange exchange) {
        return collector.collect(RequestIdWebFilter.requestId(exchange)).map(report -> ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(StatusPage.render(report, properties.refreshInterval())));
    }
}
