package dev.lakehouse.chassis.lake;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Splits a segment's bytes on '\n' without decoding more than one line at a time, up to a
 * byte limit, hashing exactly the bytes of the complete lines it hands on. What follows the
 * last '\n' within the limit is a torn line: counted, never handed on, never hashed.
 */
final class SegmentScanner {

    /** Receives each complete line; {@code bytes} is reused after the call returns. */
    interface LineSink {

        void line(byte[] bytes, int length, long lineNumber);

        void overlong(long lineNumber);
    }

    private final int maxLineBytes;
    private MessageDigest digest = sha256();
    private @Nullable MessageDigest overlongDigest;
    private byte[] line = new byte[8192];
    private int length;
    private boolean overlong;
    private long pendingBytes;
    private long lineNumber;
    private long consumed;
    private long torn;

    SegmentScanner(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    void scan(InputStream in, long limit, LineSink sink) throws IOException {
        byte[] chunk = new byte[65536];
        long remaining = limit;
        int n;
        while (remaining > 0 && (n = in.read(chunk, 0, (int) Math.min(chunk.length, remaining))) > 0) {
            remaining -= n;
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    append(chunk, start, i - start);
                    complete(sink);
                    start = i + 1;
                }
            }
            append(chunk, start, n - start);
        }
        if (length > 0 || overlong) {
            torn = 1;
        }
    }

    long consumed() {
        return consumed;
    }

    long torn() {
        return torn;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void append(byte[] chunk, int offset, int count) {
        if (count == 0) {
            return;
        }
        if (overlong) {
            // Too long to buffer: hashed only once the line turns out complete.
            pendingDigest(chunk, offset, count);
            return;
        }
        if (length + count > maxLineBytes) {
            overlong = true;
            pendingDigest(line, 0, length);
            pendingDigest(chunk, offset, count);
            length = 0;
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(chunk, offset, line, length, count);
        length += count;
    }

    private void pendingDigest(byte[] bytes, int offset, int count) {
        // An overlong line is hashed into a side digest, merged only when its '\n' arrives,
        // so a torn overlong tail never enters the digest of the consumed prefix.
        MessageDigest side = overlongDigest;
        if (side == null) {
            side = cloneOf(digest);
            overlongDigest = side;
        }
        side.update(bytes, offset, count);
        pendingBytes += count;
    }

    private void complete(LineSink sink) {
        lineNumber++;
        MessageDigest side = overlongDigest;
        if (overlong && side != null) {
            side.update((byte) '\n');
            digest = side;
            overlongDigest = null;
            consumed += pendingBytes + 1;
            sink.overlong(lineNumber);
        } else {
            digest.update(line, 0, length);
            digest.update((byte) '\n');
            consumed += length + 1;
            sink.line(line, length, lineNumber);
        }
        length = 0;
        overlong = false;
        pendingBytes = 0;
    }

    private static MessageDigest cloneOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
