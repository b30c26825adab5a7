package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.filter.Filter;
import dev.lakehouse.vectord.filter.PayloadSchema;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The engine under one collection. The API talks only to this interface, so a second engine
 * (a distributed one, say) can be added without changing the API. Implementations are
 * thread-safe; every method may be called concurrently.
 */
public interface VectorIndex extends Closeable {

    /** Inserts or replaces the points (by id); refuses payload keys whose type conflicts with the schema. */
    void upsert(List<Point> points, Durability durability);

    Optional<ScoredPoint> get(String id, boolean withPayload, boolean withVector);

    /** Deletes the points with these ids; returns how many existed. */
    long delete(List<String> ids, Durability durability);

    /** Deletes the points matching the filter; returns how many matched. */
    long delete(Filter.Bool filter, Durability durability);

    /** Nearest neighbours of the query vector among the points that match its filter, best first. */
    List<ScoredPoint> search(SearchQuery query);

    /** Types of the payload keys seen so far. */
    PayloadSchema payloadSchema();

    IndexStats stats();

    /** Commits pending writes, if any (called by the scheduled committer). */
    void commitPending();

    /**
     * Merges the index into one segment when it has more, or rewrites it when segments written with an
     * older codec remain (a collection created before a Lucene upgrade); returns whether it merged.
     */
    boolean optimize();

    /**
     * Whether searches would gain from {@link #optimize()} enough to pay for it: more than
     * {@value #MAX_SEGMENTS} segments, or several of which the largest holds less than 90% of the
     * points (a few points added to a large collection are not worth rewriting it), or segments
     * written with an older codec remain.
     */
    boolean fragmented();

    /** Segments beyond which a collection counts as fragmented whatever their sizes. */
    int MAX_SEGMENTS = 10;

    /** Nanoseconds since the last write, for the idle optimizer. */
    long nanosSinceLastWrite();

    /**
     * Writes a consistent copy of everything committed so far (pending writes are committed first)
     * into {@code directory}, which must not exist; returns the stats of the copy.
     */
    IndexStats snapshot(Path directory);
}
