package dev.lakehouse.chatd.provider;

import dev.lakehouse.schemas.observation.AttemptStatus;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A provider call that did not produce an answer, classified by what dispatch should do next.
 * Messages never carry keys: provider texts pass through {@link SecretRedactor} first.
 * No stack trace: this is control flow, raised at every 429 and every fallback.
 */
public final class ProviderException extends Exception {

    /** What went wrong, in the terms that decide retry, fallback and the breaker. */
    public enum Kind {
        /** A 4xx caused by the request itself: returned to the client, neither retried nor failed over. */
        CLIENT_ERROR,
        /** 401/403: our key is wrong or lacks access; fail over, do not retry. */
        AUTH,
        /** 429 (or 408/409): retry after Retry-After, then fail over. */
        RATE_LIMITED,
        /** 5xx, 529 overloaded, or an error event before the first byte: retry, then fail over. */
        SERVER_ERROR,
        /** No connection (refused, reset, DNS): retry, then fail over. */
        CONNECT,
        /** No answer within the time limit: fail over. */
        TIMEOUT,
        /** The stream stopped without its terminal event: retry before the first byte reached the client. */
        STREAM_CUT,
        /** The provider answered something that is not its wire format: fail over. */
        PROTOCOL,
        /** The replay provider holds no recording of this request: fail over, 404 if it was the last. */
        NO_RECORDING,
        /** The provider's circuit breaker is open: fail over without calling it. */
        CIRCUIT_OPEN,
        /** The provider's bulkhead is full: fail over without calling it. */
        BULKHEAD_FULL
    }

    private final String provider;
    private final Kind kind;
    private final @Nullable Integer httpStatus;
    private final @Nullable Duration retryAfter;

    public ProviderException(String provider, Kind kind, @Nullable Integer httpStatus, @Nullable Duration retryAfter,
            String message) {
        super(message, null, false, false);
        this.provider = provider;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    /** Classifies an HTTP error answer of a provider. */
    public static ProviderException fromStatus(String provider, int status, @Nullable Duration retryAfter, String detail) {
        Kind kind = switch (status) {
            case 401, 403 -> Kind.AUTH;
            case 408, 409, 425, 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.CLIENT_ERROR;
        };
        String message = provider + " answered " + status + (detail.isBlank() ? "" : ": " + detail);
        return new ProviderException(provider, kind, status, retryAfter, message);
    }

    public static ProviderException connect(String provider, String what) {
        return new ProviderException(provider, Kind.CONNECT, null, null, provider + " unreachable: " + what);
    }

    public static ProviderException timeout(String provider, String what) {
        return new ProviderException(provider, Kind.TIMEOUT, null, null, provider + " timed out: " + what);
    }

    public static ProviderException streamCut(String provider, String what) {
        return new ProviderException(provider, Kind.STREAM_CUT, 200, null, provider + " stream cut: " + what);
    }

    public static ProviderException protocol(String provider, String what) {
        return new ProviderException(provider, Kind.PROTOCOL, null, null, provider + " broke its wire format: " + what);
    }

    /** An error the provider reported inside a 200 stream (Anthropic's {@code event: error}, Ollama's error line). */
    public static ProviderException streamError(String provider, String type, String message) {
        // Errors inside a 200 stream are the provider's trouble (overloaded, api_error), never the request's.
        Kind kind = type.contains("rate_limit") ? Kind.RATE_LIMITED : Kind.SERVER_ERROR;
        return new ProviderException(provider, kind, 200, null, provider + " stream error " + type + ": " + message);
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Integer httpStatus() {
        return httpStatus;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** Worth another try at the same provider (before the first byte reached the client). */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVER_ERROR || kind == Kind.CONNECT || kind == Kind.STREAM_CUT;
    }

    /** Says something about the provider's health, so its circuit breaker counts it. */
    public boolean providerFault() {
        return switch (kind) {
            case AUTH, RATE_LIMITED, SERVER_ERROR, CONNECT, TIMEOUT, STREAM_CUT, PROTOCOL -> true;
            case CLIENT_ERROR, NO_RECORDING, CIRCUIT_OPEN, BULKHEAD_FULL -> false;
        };
    }

    /** The request itself is at fault: the client gets this answer, no other provider is tried. */
    public boolean returnedToClient() {
        return kind == Kind.CLIENT_ERROR;
    }

    public AttemptStatus attemptStatus() {
        return switch (kind) {
            case CLIENT_ERROR, NO_RECORDING -> AttemptStatus.CLIENT_ERROR;
            case TIMEOUT -> AttemptStatus.TIMEOUT;
            case STREAM_CUT -> AttemptStatus.STREAM_CUT;
            case CIRCUIT_OPEN -> AttemptStatus.CIRCUIT_OPEN;
            case BULKHEAD_FULL -> AttemptStatus.BULKHEAD_FULL;
            default -> AttemptStatus.ERROR;
        };
    }
}
