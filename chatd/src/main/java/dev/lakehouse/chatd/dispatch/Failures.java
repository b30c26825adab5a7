package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.chat.ChatError;
import dev.lakehouse.chatd.chat.ChatException;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.schemas.observation.Attempt;
import dev.lakehouse.schemas.verdict.Violation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** What the client is told when dispatch ends without a usable answer. */
final class Failures {

    private static final int MAX_VIOLATIONS_NAMED = 5;

    private Failures() {
    }

    /** The provider refused the request itself: its status and message go to the client. */
    static ChatException clientError(ProviderException failure) {
        int status = failure.httpStatus() == null ? 400 : failure.httpStatus();
        HttpStatus http = HttpStatus.resolve(status) == null ? HttpStatus.BAD_REQUEST : HttpStatus.resolve(status);
        ChatError.Type type = status == 404 ? ChatError.Type.NOT_FOUND : ChatError.Type.INVALID_REQUEST;
        return new ChatException(new ChatError(http, type, failure.getMessage(), null, "provider_rejected_request", null));
    }

    /** No provider produced an answer: the status follows the last failure, the message lists them all. */
    static ChatException exhausted(@Nullable ProviderException last, List<Attempt> attempts, String unavailable) {
        if (last == null) {
            return ChatException.of(HttpStatus.SERVICE_UNAVAILABLE, ChatError.Type.UPSTREAM, "no_provider",
                    "no provider could be tried: " + unavailable, null);
        }
        String summary = summary(attempts);
        return switch (last.kind()) {
            case NO_RECORDING -> ChatException.notFound("no_recording", last.getMessage(), "model");
            case RATE_LIMITED -> ChatException.of(HttpStatus.TOO_MANY_REQUESTS, ChatError.Type.RATE_LIMITED,
                    "rate_limited", "providers are rate limiting: " + summary, last.retryAfter());
            case TIMEOUT -> ChatException.of(HttpStatus.GATEWAY_TIMEOUT, ChatError.Type.TIMEOUT, "upstream_timeout",
                    "no provider answered in time: " + summary, null);
            case CIRCUIT_OPEN, BULKHEAD_FULL -> ChatException.of(HttpStatus.SERVICE_UNAVAILABLE,
                    ChatError.Type.UPSTREAM, "providers_unavailable", "no provider is available: " + summary, null);
            default -> ChatException.of(HttpStatus.BAD_GATEWAY, ChatError.Type.UPSTREAM, "upstream_failed",
                    "every provider failed: " + summary, null);
        };
    }

    static ChatException rejected(String servedBy, String contract, List<Violation> violations) {
        return ChatException.of(HttpStatus.UNPROCESSABLE_CONTENT, ChatError.Type.INVALID_OUTPUT, "output_rejected",
                "the answer of " + servedBy + " was refused: it breaks contract " + contract + " (" + describe(violations)
                        + ")", null);
    }

    static ChatException validationUnavailable(String contract, List<Violation> violations) {
        return ChatException.of(HttpStatus.SERVICE_UNAVAILABLE, ChatError.Type.UPSTREAM, "validation_unavailable",
                "the answer could not be validated against contract " + contract + ", so it is withheld: "
                        + describe(violations), null);
    }

    static String describe(List<Violation> violations) {
        String named = violations.stream().limit(MAX_VIOLATIONS_NAMED)
                .map(violation -> violation.code() + (violation.path().isEmpty() ? "" : " at " + violation.path())
                        + ": " + violation.message())
                .collect(Collectors.joining("; "));
        int more = violations.size() - MAX_VIOLATIONS_NAMED;
        return more > 0 ? named + "; and " + more + " more" : named;
    }

    private static String summary(List<Attempt> attempts) {
        Set<String> errors = new LinkedHashSet<>();
        for (Attempt attempt : attempts) {
            if (attempt.error() != null) {
                errors.add(attempt.error());
            }
        }
        return String.join("; ", errors);
    }
}
