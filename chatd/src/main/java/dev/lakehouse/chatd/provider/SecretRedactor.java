package dev.lakehouse.chatd.provider;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes keys from any text that leaves chatd (errors, logs, observations). Providers echo keys
 * in error messages ("Incorrect API key provided: sk-..."), so every provider text passes here.
 */
public final class SecretRedactor {

    static final String REDACTED = "[redacted]";
    // Key shapes of the five providers, in case a provider echoes a key other than ours.
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "(sk-(?:ant-|or-|proj-)?[A-Za-z0-9_\\-*]{8,}|AIza[0-9A-Za-z_\\-]{20,}|(?i:bearer)\\s+[A-Za-z0-9._\\-]{8,})");

    private final List<String> secrets;

    public SecretRedactor(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(secret -> secret != null && secret.length() >= 4).toList();
    }

    public String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return KEY_SHAPES.matcher(result).replaceAll(REDACTED);
    }
}
