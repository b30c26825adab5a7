package dev.lakehouse.embedd.embedding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Builds a response body from pre-encoded pieces: the hot path copies cached embedding bytes
 * between constant fragments instead of serialising objects.
 */
public final class JsonBytes {

    private byte[] buffer;
    private int length;

    public JsonBytes(int capacity) {
        this.buffer = new byte[capacity];
    }

    /** A fragment of JSON as bytes, for constants. */
    public static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    public JsonBytes raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    /** The UTF-8 of {@code value} escaped for a JSON string (RFC 8259 section 7), without quotes. */
    public static byte[] escape(String value) {
        try {
            return JsonStringEncoder.getInstance().quoteAsUTF8(value);
        } catch (IllegalArgumentException malformed) {
            // Jackson decodes some invalid UTF-8 (a code point above U+10FFFF) into an unpaired
            // surrogate; echo it as U+FFFD, as a UTF-8 decoder would (Unicode 15, section 3.9).
            return JsonStringEncoder.getInstance().quoteAsUTF8(wellFormed(value));
        }
    }

    private static String wellFormed(String value) {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                text.append(c).append(value.charAt(++i));
            } else {
                text.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return text.toString();
    }

    /** How many characters {@code value} takes in decimal. */
    public static int digits(long value) {
        return Long.toString(value).length();
    }

    /** A JSON string, quoted and escaped (RFC 8259 section 7). */
    public JsonBytes string(String value) {
        return quoted(escape(value));
    }

    /** A JSON string already escaped by {@link #escape(String)}. */
    public JsonBytes quoted(byte[] escaped) {
        ensure(escaped.length + 2);
        buffer[length++] = '"';
        System.arraycopy(escaped, 0, buffer, length, escaped.length);
        length += escaped.length;
        buffer[length++] = '"';
        return this;
    }

    public JsonBytes number(long value) {
        return raw(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    public JsonBytes character(char ascii) {
        ensure(1);
        buffer[length++] = (byte) ascii;
        return this;
    }

    public byte[] toByteArray() {
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
