package dev.lakehouse.embedd.backend;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Why an embedding request failed, independent of the API it came through: each surface
 * renders it in its own error shape (OpenAI's {@code {"error":{...}}}, Ollama's {@code {"error":"..."}}).
 */
public class EmbeddingException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final @Nullable String param;
    private final @Nullable Duration retryAfter;

    private EmbeddingException(HttpStatus status, String code, @Nullable String param, String message,
            @Nullable Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.param = param;
        this.retryAfter = retryAfter;
    }

    /** Any status, for errors the framework raised before embedd's own checks. */
    public static EmbeddingException of(HttpStatus status, String code, @Nullable String param, String message) {
        return new EmbeddingException(status, code, param, message, null);
    }

    /** An unexpected failure: details stay in the log, the caller gets the request id to quote. */
    public static EmbeddingException internal() {
        return new EmbeddingException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", null,
                "the request failed unexpectedly; quote the X-Request-Id of this response when reporting it", null);
    }

    public static EmbeddingException invalid(@Nullable String param, String message) {
        return new EmbeddingException(HttpStatus.BAD_REQUEST, "invalid_request", param, message, null);
    }

    public static EmbeddingException unsupported(String param, String message) {
        return new EmbeddingException(HttpStatus.BAD_REQUEST, "unsupported_value", param, message, null);
    }

    public static EmbeddingException inputTooLong(String message) {
        return new EmbeddingException(HttpStatus.BAD_REQUEST, "input_too_long", "input", message, null);
    }

    public static EmbeddingException tooLarge(long limitBytes) {
        return new EmbeddingException(HttpStatus.CONTENT_TOO_LARGE, "request_too_large", null,
                "request body is larger than the limit of " + limitBytes + " bytes (lakehouse.http.max-body-size)", null);
    }

    public static EmbeddingException modelNotFound(String model, List<String> available, List<String> notes) {
        StringBuilder message = new StringBuilder("model '").append(model).append("' not found; available embedding models: ")
                .append(available.isEmpty() ? "none" : String.join(", ", available));
        notes.forEach(note -> message.append("; ").append(note));
        return new EmbeddingException(HttpStatus.NOT_FOUND, "model_not_found", "model", message.toString(), null);
    }

    /** The backend cannot be reached or its circuit is open: the caller may retry later. */
    public static EmbeddingException unavailable(String message, @Nullable Duration retryAfter) {
        return new EmbeddingException(HttpStatus.SERVICE_UNAVAILABLE, "backend_unavailable", null, message, retryAfter);
    }

    /** The backend answered, but with an error that is not the caller's fault. */
    public static EmbeddingException backendError(String message) {
        return new EmbeddingException(HttpStatus.BAD_GATEWAY, "backend_error", null, message, null);
    }

    /** More inputs wait for a backend than the queue holds. */
    public static EmbeddingException overloaded(String backend, int queued) {
        return new EmbeddingException(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", null,
                "embedd is overloaded: " + queued + " inputs already wait for " + backend
                        + " (lakehouse.embedd.batching.max-queued-inputs); retry shortly", Duration.ofSeconds(1));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public @Nullable String param() {
        return param;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public boolean isClientError() {
        return status.is4xxClientError();
    }
}
