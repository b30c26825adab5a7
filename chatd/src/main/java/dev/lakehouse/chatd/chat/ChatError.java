package dev.lakehouse.chatd.chat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An error as every surface needs it: the status, a type each surface maps to its own
 * vocabulary, a message without secrets, the offending parameter and a stable code.
 */
public record ChatError(HttpStatus status, Type type, String message, @Nullable String param, String code,
        @Nullable Duration retryAfter) {

    /** Kinds of error, named after what the client should do about them. */
    public enum Type {
        /** Fix the request. */
        INVALID_REQUEST,
        /** The model, provider or recording does not exist. */
        NOT_FOUND,
        /** The key may not use this role or provider. */
        PERMISSION,
        /** The model's output broke the role's contract and the policy refused it. */
        INVALID_OUTPUT,
        /** Slow down (Retry-After says how long). */
        RATE_LIMITED,
        /** Every provider failed or none is available; retry later. */
        UPSTREAM,
        /** A provider did not answer in time. */
        TIMEOUT,
        /** chatd itself failed. */
        INTERNAL
    }
}
