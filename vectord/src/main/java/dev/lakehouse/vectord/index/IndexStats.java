package dev.lakehouse.vectord.index;

/**
 * Size of an index as searches see it now.
 *
 * @param points live points
 * @param bytesOnDisk bytes of the index files
 * @param segments Lucene segments (1 after an optimize; each is searched separately)
 */
public record IndexStats(long points, long bytesOnDisk, int segments) {
}
