package dev.lakehouse.materializerd.recipe;

import dev.lakehouse.chassis.lake.Segment;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A lake segment as a job pinned it: its complete lines at that moment. The job reads exactly
 * these bytes, on every run and after every restart, even while the segment keeps growing.
 *
 * @param name path relative to the lake, as listed ({@code .open} kept for an open segment)
 * @param bytes length of the prefix of complete lines
 * @param sha256 digest of those bytes
 * @param tornLines 1 when an incomplete line followed the prefix
 */
public record PinnedSegment(String name, long bytes, String sha256, long tornLines) {

    private static final String OPEN = ".open";

    /** The name once sealed: what identifies the segment in a fingerprint whether it has been sealed since or not. */
    public String sealedName() {
        return name.endsWith(OPEN) ? name.substring(0, name.length() - OPEN.length()) : name;
    }

    public Segment toSegment(Path lakeDir) {
        Path path = lakeDir.resolve(name);
        String partition = path.getParent().getFileName().toString();
        String stream = path.getParent().getParent().getFileName().toString();
        LocalDate date = LocalDate.parse(partition.substring("dt=".length()));
        return new Segment(path, stream, date, !name.endsWith(OPEN));
    }
}
