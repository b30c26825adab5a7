package dev.lakehouse.validated.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The short hash that versions a contract's rules inside {@code validatorVersion}. */
public final class RulesHash {

    private RulesHash() {
    }

    /** First 8 hex digits of SHA-256 over the parts, each followed by a newline. */
    public static String of(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
