package dev.lakehouse.vectord.snapshot;

import dev.lakehouse.vectord.collection.CollectionSpec;
import java.time.Instant;

/**
 * A snapshot as written in its {@code snapshot.json}.
 *
 * @param id the snapshot's id (sortable by time)
 * @param collection the collection it was taken from
 * @param createdAt when it was taken
 * @param points points it holds
 * @param bytes bytes of its index files
 * @param spec the collection's spec at that moment; a collection restored from it gets the same
 */
public record SnapshotInfo(String id, String collection, Instant createdAt, long points, long bytes,
        CollectionSpec spec) {
}
