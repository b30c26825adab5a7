package dev.lakehouse.chatd.api;

import dev.lakehouse.chassis.bodylimit.BodySizeLimitFilter;
import dev.lakehouse.chassis.bodylimit.BodyTooLargeException;
import dev.lakehouse.chassis.problem.Problems;
import dev.lakehouse.chatd.chat.ChatError;
import dev.lakehouse.chatd.chat.ChatException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Errors of a chat surface in that surface's shape, ahead of the chassis' problem details (each
 * subclass is ordered first and bound to its controller). Unknown routes, 405 and 415 happen
 * before a controller is chosen and stay problem details; so does 413, the chassis' limit.
 */
public abstract class SurfaceAdvice {

    private static final Logger log = LoggerFactory.getLogger(SurfaceAdvice.class);

    protected abstract SurfaceCodec codec();

    @ExceptionHandler(ChatException.class)
    ResponseEntity<?> refused(ChatException e) {
        return codec().error(e.error());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                ProblemDetail problem = Problems.decorate(BodySizeLimitFilter.tooLarge(tooLarge.limit()), request);
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem);
            }
        }
        String detail = e.getMostSpecificCause() instanceof JacksonException jackson && jackson.getLocation() != null
                ? " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")"
                : "";
        String message = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "the request body is missing" : "the request body is not valid JSON" + detail;
        return codec().error(ChatException.invalid(message, null).error());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<?> unexpected(RuntimeException e) {
        log.error("chat request failed unexpectedly", e);
        return codec().error(new ChatError(HttpStatus.INTERNAL_SERVER_ERROR, ChatError.Type.INTERNAL,
                "chatd failed unexpectedly; quote the X-Request-Id when reporting it", null, "internal_error", null));
    }
}
