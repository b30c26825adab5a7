package dev.lakehouse.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The client stopped sending its request body, or took too long over it (408). */
public class RequestReadTimeoutException extends ResponseStatusException {

    private RequestReadTimeoutException(String reason, Throwable cause) {
        super(HttpStatus.REQUEST_TIMEOUT, reason, cause);
    }

    static RequestReadTimeoutException of(EdgeLimitsProperties limits, Throwable cause) {
        return new RequestReadTimeoutException("the request body did not arrive in time (at most "
                + limits.bodyReadTimeout().toSeconds() + " s between reads, " + limits.requestReadTimeout().toSeconds()
                + " s in all)", cause);
    }
}
