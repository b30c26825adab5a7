package dev.lakehouse.validated.api;

import dev.lakehouse.chassis.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request over one of validated's explicit limits: 413, naming the limit and its setting. */
public final class LimitExceededException extends ErrorResponseException {

    private LimitExceededException(ProblemDetail problem) {
        super(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    public static LimitExceededException batchTooLarge(int items, int limit) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "batch_too_large", "Batch too large",
                "the batch has " + items + " items; at most " + limit + " (lakehouse.validated.max-batch-items)");
        problem.setProperty("limit", limit);
        return new LimitExceededException(problem);
    }

    public static LimitExceededException textTooLong(String pointer, int chars, int limit) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "Payload too large",
                pointer + " is " + chars + " characters; at most " + limit + " (lakehouse.validated.max-payload-chars)");
        problem.setProperty("pointer", pointer);
        problem.setProperty("limit", limit);
        return new LimitExceededException(problem);
    }
}
