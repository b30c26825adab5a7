package dev.lakehouse.embedd.web;

import dev.lakehouse.chassis.bodylimit.BodyTooLargeException;
import dev.lakehouse.embedd.backend.EmbeddingException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns whatever went wrong on an API route into the error its caller's client understands:
 * one classification, rendered by each surface in its own shape.
 */
public final class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final int MAX_MESSAGE = 300;

    private ApiErrors() {
    }

    /** The response for {@code error}, with its body in the shape {@code render} writes. */
    public static ResponseEntity<byte[]> respond(Exception error, Function<EmbeddingException, byte[]> render) {
        if (error instanceof HttpMediaTypeNotAcceptableException) {
            // The client accepts no JSON: no body can satisfy it.
            return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
        }
        EmbeddingException classified = classify(error);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(classified.status()).contentType(MediaType.APPLICATION_JSON);
        if (classified.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, classified.retryAfter().toSeconds())));
        }
        return response.body(render.apply(classified));
    }

    public static EmbeddingException classify(Exception error) {
        if (error instanceof EmbeddingException embedding) {
            return embedding;
        }
        if (error instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (error instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return EmbeddingException.of(status, "invalid_request", null,
                    "the request was refused: " + status.getReasonPhrase().toLowerCase(Locale.ROOT));
        }
        log.error("unhandled error on an API route", error);
        return EmbeddingException.internal();
    }

    private static EmbeddingException unreadable(HttpMessageNotReadableException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return EmbeddingException.tooLarge(tooLarge.limit());
            }
        }
        if (error.getMostSpecificCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = field(mismatch.getPath());
            return EmbeddingException.invalid(field, "'" + field + "' has the wrong type" + expected(mismatch.getTargetType()));
        }
        if (error.getMostSpecificCause() instanceof JacksonException jackson) {
            TokenStreamLocation location = jackson.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            // Jackson points at a redacted source ("[Source: REDACTED ...]"); line and column say more.
            String message = String.valueOf(jackson.getOriginalMessage())
                    .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                    .replaceAll("\\s*\\[Source:[^\\]]*\\]", "");
            return EmbeddingException.invalid(null, oneLine("could not parse the JSON body of your request: "
                    + message + where));
        }
        return EmbeddingException.invalid(null, "the request body is missing or is not JSON");
    }

    private static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return ": expected an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return ": expected true or false";
        }
        if (type == String.class) {
            return ": expected a string";
        }
        return "";
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
