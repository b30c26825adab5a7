package dev.lakehouse.chassis.internalauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/** The validated shared secret; creating one is what makes a daemon refuse to start without it. */
public final class InternalToken {

    private final String value;

    private InternalToken(String value) {
        this.value = value;
    }

    public static InternalToken from(InternalAuthProperties properties) {
        String configured = properties.token();
        if (configured == null || configured.isBlank()) {
            throw MissingInternalTokenException.missing();
        }
        String token = configured.strip();
        if (token.length() < InternalAuthProperties.MIN_TOKEN_LENGTH) {
            throw MissingInternalTokenException.tooShort(token.length());
        }
        return new InternalToken(token);
    }

    public String value() {
        return value;
    }

    /** Constant-time comparison: the token must not leak through response timing. */
    public boolean matches(@Nullable String presented) {
        return presented != null
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "InternalToken[****]";
    }
}
