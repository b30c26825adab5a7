package dev.lakehouse.materializerd.recipe;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into chunks of at most {@code size} characters, each sharing about {@code overlap}
 * characters with the one before. A cut prefers the last white space in the second half of
 * the window, so words stay whole where they can; chunks are trimmed, empty ones skipped.
 */
final class Chunker {

    private final int size;
    private final int overlap;

    Chunker(int size, int overlap) {
        this.size = size;
        this.overlap = overlap;
    }

    List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = Math.min(length, start + size);
            if (end < length) {
                end = cutAtWhiteSpace(text, start, end);
            }
            String chunk = text.substring(start, end).strip();
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            if (end >= length) {
                break;
            }
            start = nextStart(text, start, end);
        }
        return chunks;
    }

    private int cutAtWhiteSpace(String text, int start, int end) {
        for (int i = end; i > start + size / 2; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return end;
    }

    private int nextStart(String text, int start, int end) {
        int next = Math.max(start + 1, end - overlap);
        // Begin the overlap at a word boundary when one is near.
        for (int i = next; i < end; i++) {
            if (i == 0 || Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return next;
    }
}
