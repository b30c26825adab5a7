package dev.lakehouse.gateway.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself raises (no route, wrong method, malformed body, a timeout
 * while routing) leaves in the route's error shape: never Boot's JSON error page, never a trace.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ErrorWriter errors;

    GatewayErrorHandler(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatusCode status = statusOf(error);
        if (status.is5xxServerError() && status.value() != 503 && status.value() != 504) {
            log.error("gateway error on {}", exchange.getRequest().getPath(), error);
            return errors.write(exchange, status, "internal_error", "Internal error",
                    "the gateway failed unexpectedly; quote the request id when reporting it");
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "Error" : known.getReasonPhrase();
        return errors.write(exchange, status, codeOf(status), reason, detailOf(error, status));
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 408 -> "request_timeout";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            case 504 -> "daemon_timeout";
            default -> "http_" + status.value();
        };
    }

    private static String detailOf(Throwable error, HttpStatusCode status) {
        if (status.value() == 404) {
            return "no route for this path; see GET /v1/health for the daemons and the README for the API";
        }
        if (error instanceof ResponseStatusException rse && rse.getReason() != null) {
            return rse.getReason();
        }
        return "the request was refused with status " + status.value();
    }
}
