package dev.lakehouse.chassis.lake;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One segment file of a stream. An open segment is still being appended to by its writer;
 * a reader takes it up to its last complete line, a prefix that never changes.
 */
public record Segment(Path path, String stream, LocalDate date, boolean sealed) {

    /** Path relative to the lake, with forward slashes: how manifests and reports name it. */
    public String relativeName(Path lakeDir) {
        return lakeDir.relativize(path).toString().replace('\\', '/');
    }
}
