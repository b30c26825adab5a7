package dev.lakehouse.chassis.lake;

/**
 * The complete lines of a segment at one moment: a reader limited to {@code bytes} sees
 * exactly these lines again later, even while the segment's writer keeps appending, so a
 * dataset manifest can pin it.
 *
 * @param bytes length of the prefix of complete lines
 * @param sha256 hex digest of those bytes
 * @param lines number of complete lines
 * @param tornLines 1 when incomplete bytes follow the prefix (a torn line, or a line being appended)
 */
public record SegmentPrefix(Segment segment, long bytes, String sha256, long lines, long tornLines) {
}
