package dev.lakehouse.materializerd.option;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The normalised content hash of a record: lower case, runs of white space collapsed to one
 * space, ends trimmed, then SHA-256, of which the first 64 bits are the key. Two records with
 * the same key are exact duplicates for {@code dedupe}; the key also places a record in the
 * train or eval split and decides sampling, so those depend on content, not on lake order.
 */
public final class ContentKey {

    private ContentKey() {
    }

    /** Key of the given parts, separated so that ("ab", "c") and ("a", "bc") differ. */
    public static long of(String... parts) {
        Long ascii = AsciiKey.LOCAL.get().of(parts);
        return ascii != null ? ascii : general(parts);
    }

    private static long general(String... parts) {
        StringBuilder normal = new StringBuilder();
        for (String part : parts) {
            normalise(part, normal);
            normal.append('\u001f');
        }
        byte[] digest = sha256().digest(normal.toString().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }

    static void normalise(String text, StringBuilder out) {
        boolean space = false;
        int start = out.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > start) {
                out.append(' ');
            }
            space = false;
            out.append(Character.toLowerCase(c));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same key for the common all-ASCII case without building strings: normalises straight
     * into a reused byte buffer (ASCII is its own UTF-8) and a reused digest, one per thread.
     */
    private static final class AsciiKey {

        static final ThreadLocal<AsciiKey> LOCAL = ThreadLocal.withInitial(AsciiKey::new);

        private final MessageDigest digest = sha256();
        private byte[] buffer = new byte[4096];
        private int length;

        /** The key, or null when a part holds a non-ASCII character. */
        @org.jspecify.annotations.Nullable Long of(String... parts) {
            length = 0;
            for (String part : parts) {
                if (!append(part)) {
                    return null;
                }
                put((byte) 0x1f);
            }
            digest.update(buffer, 0, length);
            return ByteBuffer.wrap(digest.digest()).getLong();
        }

        private boolean append(String text) {
            int start = length;
            boolean space = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    return false;
                }
                if (Character.isWhitespace(c)) {
                    space = true;
                    continue;
                }
                if (space && length > start) {
                    put((byte) ' ');
                }
                space = false;
                put((byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
            }
            return true;
        }

        private void put(byte b) {
            if (length == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[length++] = b;
        }
    }
}
