package dev.lakehouse.chatd.chat;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as the gateway forwarded it, and when the call arrived.
 *
 * @param keyId id of the caller's API key (never the secret); null when the gateway sent none
 * @param allowedRoles the roles the key may use; null means every role
 * @param arrivalNanos {@link System#nanoTime()} when the request reached chatd, for the overhead header
 */
public record Caller(String requestId, @Nullable String keyId, @Nullable List<String> allowedRoles,
        Instant arrivedAt, long arrivalNanos) {
}
