package dev.lakehouse.replayd.source;

import java.util.List;

/**
 * A source pinned at the start of a run: the files and prefixes to read, and how many records
 * the run will replay (the source's records, at most {@code maxRecords}).
 */
public record Pin(List<PinnedFile> files, long total) {

    public Pin {
        files = List.copyOf(files);
    }
}
