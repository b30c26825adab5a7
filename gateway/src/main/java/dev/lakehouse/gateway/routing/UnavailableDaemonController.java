package dev.lakehouse.gateway.routing;

import dev.lakehouse.gateway.errors.ErrorWriter;
import dev.lakehouse.gateway.limits.BodyTooLargeException;
import dev.lakehouse.gateway.limits.RequestReadTimeoutException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a daemon's circuit breaker sends its routes when the call failed: the daemon cannot be
 * reached (503), did not answer in time (504), or the client's body passed its limit while it
 * was streamed to the daemon (413) or stopped arriving (408).
 */
@RestController
class UnavailableDaemonController {

    private final ErrorWriter errors;

    UnavailableDaemonController(ErrorWriter errors) {
        this.errors = errors;
    }

    @RequestMapping(RoutesConfiguration.FALLBACK_PATH + "{daemon}")
    Mono<Void> unavailable(@PathVariable String daemon, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        BodyTooLargeException tooLarge = find(cause, BodyTooLargeException.class);
        if (tooLarge != null) {
            return errors.write(exchange, tooLarge.getStatusCode(), "body_too_large", "Content too large",
                    String.valueOf(tooLarge.getReason()));
        }
        RequestReadTimeoutException slowClient = find(cause, RequestReadTimeoutException.class);
        if (slowClient != null) {
            return errors.write(exchange, slowClient.getStatusCode(), "request_timeout", "Request timeout",
                    String.valueOf(slowClient.getReason()));
        }
        if (isTimeout(cause)) {
            return errors.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "daemon_timeout", "Daemon timed out",
                    "daemon " + daemon + " did not answer in time");
        }
        return errors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "daemon_unavailable", "Daemon unavailable",
                "daemon " + daemon + " is unavailable (" + reason(cause) + "); other routes are unaffected");
    }

    private static <T extends Throwable> @Nullable T find(@Nullable Throwable cause, Class<T> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean isTimeout(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || (t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return "circuit open after repeated failures";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        if (cause == null) {
            return "no answer";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "connection failed: " + root.getClass().getSimpleName();
    }
}
