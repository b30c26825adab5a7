package dev.lakehouse.gateway.edgecache;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;

/**
 * A copy of the bytes of an answer as they pass on to the client, unless there are more than
 * the limit. The buffers themselves are left as they were: they are still to be written.
 */
final class AnswerCopy {

    private final int limit;
    private byte[] bytes = new byte[8192];
    private int size;
    private boolean overflowed;

    AnswerCopy(int limit) {
        this.limit = limit;
    }

    void append(DataBuffer buffer) {
        int length = buffer.readableByteCount();
        if (overflowed || size + length > limit) {
            overflowed = true;
            return;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(bytes.length * 2, size + length)));
        }
        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), size, length);
        size += length;
    }

    /** Everything that passed, or null when it was more than the limit. */
    byte @Nullable [] bytes() {
        return overflowed ? null : Arrays.copyOf(bytes, size);
    }
}
