package dev.lakehouse.chatd.provider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads UTF-8 lines from a provider's stream as they arrive ({@code \n} or {@code \r\n}), with a
 * bound on line length so a broken provider cannot make chatd buffer without limit.
 */
final class LineReader {

    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the stream (a trailing partial line is dropped). */
    @Nullable String readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return null;
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                return new String(line, 0, end, StandardCharsets.UTF_8);
            }
            if (length == line.length) {
                if (length >= MAX_LINE_BYTES) {
                    throw new IOException("line longer than " + MAX_LINE_BYTES + " bytes");
                }
                line = Arrays.copyOf(line, Math.min(length * 2, MAX_LINE_BYTES));
            }
            line[length++] = b;
        }
    }
}
