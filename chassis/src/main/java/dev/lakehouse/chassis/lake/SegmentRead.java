package dev.lakehouse.chassis.lake;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What reading one segment found.
 *
 * @param bytesRead bytes of complete lines consumed (a torn last line is not consumed)
 * @param sha256 hex digest of exactly those bytes: the same prefix always hashes the same
 * @param records valid records handed to the sink
 * @param tornLines 1 when the segment ends in an incomplete line (a crash or a writer mid-append)
 * @param invalid complete lines that are not JSON or break their schema, skipped
 * @param error why the segment could not be read at all, when it could not
 */
public record SegmentRead(
        Segment segment,
        long bytesRead,
        String sha256,
        long records,
        long tornLines,
        List<InvalidLine> invalid,
        @Nullable String error) {

    /** A skipped line and why. */
    public record InvalidLine(long lineNumber, String reason) {
    }
}
