package dev.lakehouse.embedd.ollama;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Ollama answered with an error status; its message is Ollama's {@code {"error": "..."}}. */
public class OllamaResponseException extends RuntimeException {

    private final int status;
    private final String ollamaMessage;
    private final @Nullable Duration retryAfter;

    public OllamaResponseException(int status, String ollamaMessage, @Nullable Duration retryAfter) {
        super("Ollama answered HTTP " + status + ": " + ollamaMessage);
        this.status = status;
        this.ollamaMessage = ollamaMessage;
        this.retryAfter = retryAfter;
    }

    /** RFC 9110 10.2.3: Retry-After is delay-seconds or an HTTP-date. */
    public static @Nullable Duration parseRetryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    public int status() {
        return status;
    }

    public String ollamaMessage() {
        return ollamaMessage;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public boolean isServerError() {
        return status >= 500;
    }
}
