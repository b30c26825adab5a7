package dev.lakehouse.chassis.problem;

import dev.lakehouse.chassis.bodylimit.BodySizeLimitFilter;
import dev.lakehouse.chassis.bodylimit.BodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * The one place where exceptions become problem details. Spring's base class maps the
 * framework's own exceptions (405, 415, 406, 404 ...); this adds a useful detail for
 * unreadable JSON, field errors for bean validation, and a 500 that hides internals.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private static final int MAX_DETAIL = 300;

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = findCause(ex, BodyTooLargeException.class);
        if (tooLarge != null) {
            return handleExceptionInternal(ex, BodySizeLimitFilter.tooLarge(tooLarge.limit()), headers,
                    HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed_request", "Malformed request body",
                describeUnreadable(ex));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "pointer", "/" + error.getField().replace('.', '/').replaceAll("\\[(\\d+)]", "/$1"),
                        "detail", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid_request", "Invalid request",
                errors.isEmpty() ? "the request is invalid" : errors.size() + " field(s) are invalid");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid_parameter", "Invalid parameter",
                "parameter '" + ex.getName() + "' has an invalid value");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("unhandled error", ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Internal error",
                "the request failed unexpectedly; quote the request id when reporting it");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, status, request);
        if (entity == null) {
            return ResponseEntity.status(status).build();
        }
        Object payload = entity.getBody();
        if (payload instanceof ProblemDetail problem && request instanceof NativeWebRequest nativeRequest) {
            Problems.decorate(problem, nativeRequest.getNativeRequest(HttpServletRequest.class));
        }
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(entity.getHeaders());
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(payload, merged, entity.getStatusCode());
    }

    private static String describeUnreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            String message = jackson.getOriginalMessage();
            TokenStreamLocation location = jackson.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return truncate("request body is not valid JSON for this endpoint: " + message + where);
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return "request body is missing";
        }
        return "request body could not be read";
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String truncate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
