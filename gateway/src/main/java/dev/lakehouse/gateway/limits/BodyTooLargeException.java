package dev.lakehouse.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/** A request body passed its route group's limit while it was being read (413). */
public class BodyTooLargeException extends ResponseStatusException {

    private BodyTooLargeException(String reason) {
        super(HttpStatus.CONTENT_TOO_LARGE, reason);
    }

    public static BodyTooLargeException of(String group, DataSize limit) {
        return new BodyTooLargeException(describe(group, limit));
    }

    static String describe(String group, DataSize limit) {
        return "the request body is larger than " + limit.toBytes() + " bytes, the limit of the '" + group + "' routes";
    }
}
