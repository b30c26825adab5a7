package dev.lakehouse.validated.api;

import dev.lakehouse.chassis.problem.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request that is well-formed JSON but not a validation request: 400, naming where. */
public final class InvalidRequestException extends ErrorResponseException {

    private InvalidRequestException(ProblemDetail problem) {
        super(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** @param pointer RFC 6901 pointer into the request body */
    public static InvalidRequestException at(String pointer, String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid_request", "Invalid validation request",
                (pointer.isEmpty() ? "the request" : pointer) + ": " + detail);
        problem.setProperty("errors", List.of(Map.of("pointer", pointer, "detail", detail)));
        return new InvalidRequestException(problem);
    }
}
