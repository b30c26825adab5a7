package dev.lakehouse.embedd.cache;

import dev.lakehouse.embedd.backend.EmbedOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of (model, dimensions, truncate, text): one cache entry per input, whatever request
 * or API it came in. Held as four longs, so a key costs 32 bytes and compares fast.
 */
public record CacheKey(long h0, long h1, long h2, long h3) {

    private static final MessageDigest PROTOTYPE = newDigest();

    public static CacheKey of(String model, EmbedOptions options, String text) {
        MessageDigest digest = digest();
        byte[] modelBytes = model.getBytes(StandardCharsets.UTF_8);
        Integer dimensions = options.dimensions();
        // Length-prefixed fields: no model name and text can be shifted into another pair.
        ByteBuffer header = ByteBuffer.allocate(4 + modelBytes.length + 5);
        header.putInt(modelBytes.length).put(modelBytes)
                .putInt(dimensions == null ? 0 : dimensions).put((byte) (options.truncate() ? 1 : 0));
        digest.update(header.array());
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        ByteBuffer hash = ByteBuffer.wrap(digest.digest());
        return new CacheKey(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }

    @Override
    public int hashCode() {
        // Bits of a cryptographic hash are already uniform.
        return (int) h0;
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
