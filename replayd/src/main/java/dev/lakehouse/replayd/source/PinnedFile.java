package dev.lakehouse.replayd.source;

import org.jspecify.annotations.Nullable;

/**
 * A file a run reads, pinned when the run started.
 *
 * @param path relative to the lake, as it was named when pinned (an open segment keeps its {@code .open} name)
 * @param bytes the prefix of complete lines to read
 * @param sha256 digest of that prefix, checked when the file is read again
 * @param format schema id every line conforms to (dataset files), null for lake records that name their own
 */
public record PinnedFile(String path, long bytes, String sha256, @Nullable String format) {
}
