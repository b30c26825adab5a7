package dev.lakehouse.deploy.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The API key the tests call the gateway with, and the keys file (the gateway's format,
 * docs/readme/gateway.md: sha256 of the key only) that admits it to every route group.
 */
public final class TestApiKeys {

    public static final String KEY = "lh-compose-it-0123456789abcdef0123456789abcdef";

    public static final String KEYS_FILE = """
            keys:
            - id: key_composeit01
              name: compose-it
              sha256: %s
              groups: [embed, vectors, chat, validate, datasets, replays, admin]
            """.formatted(sha256(KEY));

    private TestApiKeys() {
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
