package dev.lakehouse.chatd.chat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A chat call refused or failed for a reason the client should read, rendered by each surface
 * in the error shape its SDKs parse (OpenAI, Ollama, Anthropic).
 *
 * @see ChatError
 */
public class ChatException extends RuntimeException {

    private final ChatError error;

    public ChatException(ChatError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ChatError error() {
        return error;
    }

    public static ChatException invalid(String message, @Nullable String param) {
        return new ChatException(new ChatError(HttpStatus.BAD_REQUEST, ChatError.Type.INVALID_REQUEST, message, param,
                "invalid_request", null));
    }

    public static ChatException notFound(String code, String message, @Nullable String param) {
        return new ChatException(new ChatError(HttpStatus.NOT_FOUND, ChatError.Type.NOT_FOUND, message, param, code, null));
    }

    public static ChatException forbidden(String code, String message) {
        return new ChatException(new ChatError(HttpStatus.FORBIDDEN, ChatError.Type.PERMISSION, message, null, code, null));
    }

    public static ChatException of(HttpStatus status, ChatError.Type type, String code, String message,
            @Nullable Duration retryAfter) {
        return new ChatException(new ChatError(status, type, message, null, code, retryAfter));
    }
}
