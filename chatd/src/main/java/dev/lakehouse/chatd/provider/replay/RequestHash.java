package dev.lakehouse.chatd.provider.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key a recording is found by: SHA-256 over the conversation as sent to the provider (the
 * role's system prompt, then every message's role and content), each content normalised by
 * Unicode NFKC, lower case and runs of white space collapsed to one space, trimmed. The model is
 * not part of the key, so a recording answers {@code replay/<anything>} for the same prompt.
 */
public final class RequestHash {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final MessageDigest digest;

    public RequestHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public RequestHash add(String role, String content) {
        digest.update(role.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(normalise(content).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 1);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }
}
