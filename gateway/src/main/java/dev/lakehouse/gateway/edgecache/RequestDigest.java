package dev.lakehouse.gateway.edgecache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a request's path and body: the key of its answer, 32 bytes whatever the body's size. */
record RequestDigest(long first, long second, long third, long fourth) {

    static RequestDigest of(String path, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update(path.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(body));
        return new RequestDigest(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
