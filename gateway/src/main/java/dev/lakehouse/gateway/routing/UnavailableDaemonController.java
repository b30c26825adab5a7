package dev.lakehouse.gateway.routing;

import dev.lakehouse.gateway.errors.ErrorWriter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a daemon's circuit breaker sends its routes when the daemon cannot be reached. */
@RestController
class UnavailableDaemonController {

    private final ErrorWriter errors;

    UnavailableDaemonController(ErrorWriter errors) {
        this.errors = errors;
    }

    @RequestMapping(RoutesConfiguration.FALLBACK_PATH + "{daemon}")
    Mono<Void> unavailable(@PathVariable String daemon, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (isTimeout(cause)) {
            return errors.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "daemon_timeout", "Daemon timed out",
                    "daemon " + daemon + " did not answer in time");
        }
        return errors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "daemon_unavailable", "Daemon unavailable",
                "daemon " + daemon + " is unavailable (" + reason(cause) + "); other routes are unaffected");
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || (t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return "circuit open after repeated failures";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        return cause == null ? "no answer" : "connection failed";
    }
}
