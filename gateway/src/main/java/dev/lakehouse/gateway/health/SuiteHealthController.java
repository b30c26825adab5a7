package dev.lakehouse.gateway.health;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/health}: every daemon's health in one document. 200 when the whole suite
 * is UP, 503 when it is DEGRADED, so that a plain HTTP check can alert on it.
 */
@RestController
class SuiteHealthController {

    private final SuiteHealthProbe probe;

    SuiteHealthController(SuiteHealthProbe probe) {
        this.probe = probe;
    }

    @GetMapping("/v1/health")
    Mono<ResponseEntity<SuiteHealth>> health() {
        return probe.check().map(health ->
                ResponseEntity.status(health.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(health));
    }
}
