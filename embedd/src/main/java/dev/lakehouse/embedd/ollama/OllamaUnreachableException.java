package dev.lakehouse.embedd.ollama;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Ollama gave no answer: nothing listens, the connection broke or timed out, or the circuit is open. */
public class OllamaUnreachableException extends RuntimeException {

    /** Why no answer came. */
    public enum Kind {
        /** No connection: refused, unknown host, no route, connect timeout. Retried: nothing was sent. */
        CONNECT,
        /** The connection broke during the call. Retried: an embedding call is idempotent. */
        BROKEN,
        /** Connected, but no answer in time. Not retried: Ollama may still be computing. */
        TIMEOUT,
        /** The circuit breaker refused the call without trying. */
        CIRCUIT_OPEN
    }

    private final Kind kind;
    private final @Nullable Duration retryAfter;

    private OllamaUnreachableException(Kind kind, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static OllamaUnreachableException from(URI baseUrl, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String reason = connectFailure(t);
            if (reason != null) {
                return new OllamaUnreachableException(Kind.CONNECT,
                        "Ollama at " + baseUrl + " is not reachable (" + reason + ")", null, error);
            }
            if (t instanceof HttpTimeoutException) {
                return new OllamaUnreachableException(Kind.TIMEOUT,
                        "Ollama at " + baseUrl + " did not answer in time", null, error);
            }
        }
        return new OllamaUnreachableException(Kind.BROKEN,
                "the connection to Ollama at " + baseUrl + " broke (" + rootMessage(error) + ")", null, error);
    }

    public static OllamaUnreachableException circuitOpen(URI baseUrl, Duration retryAfter) {
        String wait = retryAfter.toMillis() < 1000 ? retryAfter.toMillis() + " ms" : retryAfter.toSeconds() + " s";
        return new OllamaUnreachableException(Kind.CIRCUIT_OPEN, "Ollama at " + baseUrl
                + " failed repeatedly; its circuit is open and calls are refused for up to " + wait, retryAfter, null);
    }

    private static @Nullable String connectFailure(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
