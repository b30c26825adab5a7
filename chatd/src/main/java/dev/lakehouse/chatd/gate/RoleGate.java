package dev.lakehouse.chatd.gate;

import dev.lakehouse.chatd.chat.Caller;
import dev.lakehouse.chatd.role.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The first half of the cross-role gate (DESIGN 6): the caller's key must be allowed the role.
 * The gateway forwards the key's roles in {@code X-Lakehouse-Allowed-Roles}; without that header
 * every role is allowed.
 */
public final class RoleGate {

    private RoleGate() {
    }

    /** Why the role is refused, or null when it is allowed. */
    public static @Nullable String refusal(Caller caller, Role role) {
        List<String> allowed = caller.allowedRoles();
        if (allowed == null || allowed.contains(role.name())) {
            return null;
        }
        return "the API key" + (caller.keyId() == null ? "" : " '" + caller.keyId() + "'") + " may not use role '"
                + role.name() + "'" + (allowed.isEmpty() ? " (it is allowed no role)" : " (allowed: "
                + String.join(", ", allowed) + ")");
    }

    /** Parses the forwarded header: comma-separated, blanks dropped; absent means every role. */
    public static @Nullable List<String> parseAllowedRoles(@Nullable String header) {
        if (header == null) {
            return null;
        }
        return java.util.Arrays.stream(header.split(",")).map(String::strip).filter(role -> !role.isEmpty()).toList();
    }
}
