package dev.lakehouse.gateway.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The secret a client presents: {@code Authorization: Bearer <key>} (OpenAI's clients, RFC 6750),
 * {@code x-api-key: <key>} (Anthropic's), or, on the status page only, HTTP Basic with the key
 * as password or user name, because that is what a browser asks its user for.
 */
record PresentedKey(@Nullable String secret, @Nullable String problem) {

    static final String API_KEY_HEADER = "x-api-key";

    static PresentedKey from(HttpHeaders headers, boolean basicAllowed) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return fromAuthorization(authorization.strip(), basicAllowed);
        }
        String apiKey = headers.getFirst(API_KEY_HEADER);
        if (apiKey != null) {
            return apiKey.isBlank() ? refused("the x-api-key header is empty") : new PresentedKey(apiKey.strip(), null);
        }
        return new PresentedKey(null, null);
    }

    boolean isAbsent() {
        return secret == null && problem == null;
    }

    private static PresentedKey fromAuthorization(String value, boolean basicAllowed) {
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        String credentials = space < 0 ? "" : value.substring(space + 1).strip();
        // RFC 9110 11.1: the scheme is case-insensitive.
        if (scheme.equals("bearer")) {
            return credentials.isEmpty() ? refused("the Authorization header has no key after Bearer")
                    : new PresentedKey(credentials, null);
        }
        if (scheme.equals("basic") && basicAllowed) {
            return fromBasic(credentials);
        }
        return refused("use Authorization: Bearer <key> or the x-api-key header");
    }

    private static PresentedKey fromBasic(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refused("the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        String secret = password.isEmpty() ? user : password;
        return secret.isEmpty() ? refused("the Basic credentials carry no key") : new PresentedKey(secret, null);
    }

    private static PresentedKey refused(String problem) {
        return new PresentedKey(null, problem);
    }
}
