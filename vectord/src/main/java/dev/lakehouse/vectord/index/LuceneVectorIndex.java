package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.collection.AtomicFiles;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.filter.Filter;
import dev.lakehouse.vectord.filter.FilterQueries;
import dev.lakehouse.vectord.filter.PayloadSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * One collection as one Lucene index: an {@link IndexWriter} for writes, a {@link SearcherManager}
 * refreshed after every write (so a write is searchable when it returns), commits on demand
 * ({@code wait=true}) or by the scheduled committer, and HNSW search with the payload filter
 * inside the graph search (Lucene falls back to an exact search when the filter is selective).
 */
public final class LuceneVectorIndex implements VectorIndex {

    private final CollectionSpec spec;
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SnapshotDeletionPolicy commits;
    private final CurrentCodecMergePolicy merges;
    private final SearcherManager searchers;
    private final PayloadSchema schema;
    private final IndexMetrics metrics;
    private final VectorSimilarityFunction similarity;
    private final boolean rescore;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Object commitLock = new Object();
    private long committedSequence;
    private volatile long lastWriteNanos = System.nanoTime();
    private boolean closed;

    LuceneVectorIndex(CollectionSpec spec, Path path, Directory directory, IndexWriter writer,
            SnapshotDeletionPolicy commits, CurrentCodecMergePolicy merges, IndexMetrics metrics, boolean rescore)
            throws IOException {
        this.spec = spec;
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.commits = commits;
        this.merges = merges;
        this.metrics = metrics;
        this.similarity = LuceneFormats.similarity(spec.metric());
        this.rescore = rescore;
        this.searchers = new SearcherManager(writer, null);
        IndexSearcher searcher = searchers.acquire();
        try {
            this.schema = new PayloadSchema(PointDocuments.payloadTypes(searcher.getIndexReader()));
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void upsert(List<Point> points, Durability durability) {
        guarded(() -> {
            long start = System.nanoTime();
            schema.register(points.stream().flatMap(point -> point.filterable().stream()).toList());
            long sequence = 0;
            for (Point point : points) {
                sequence = writer.updateDocument(PointDocuments.idTerm(point.id()),
                        PointDocuments.document(point, similarity));
            }
            afterWrite(sequence, durability);
            metrics.upsert().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return null;
        });
    }

    @Override
    public Optional<ScoredPoint> get(String id, boolean withPayload, boolean withVector) {
        return guarded(() -> withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(PointDocuments.idTerm(id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.<ScoredPoint>empty();
            }
            ScoredPoint point = new ResultLoader(searcher, withPayload, withVector, spec.metric()).load(top.scoreDocs).getFirst();
            return Optional.of(new ScoredPoint(point.id(), 0, point.payloadJson(), point.vector()));
        }));
    }

    @Override
    public long delete(List<String> ids, Durability durability) {
        Query matching = new TermInSetQuery(PointDocuments.ID, PointDocuments.idsOf(ids).stream().map(BytesRef::new).toList());
        return deleteMatching(matching, durability);
    }

    @Override
    public long delete(Filter.Bool filter, Durability durability) {
        return deleteMatching(FilterQueries.toQuery(filter), durability);
    }

    private long deleteMatching(Query query, Durability durability) {
        return guarded(() -> {
            long matched = withSearcher(searcher -> (long) searcher.count(query));
            afterWrite(writer.deleteDocuments(query), durability);
            return matched;
        });
    }

    @Override
    public List<ScoredPoint> search(SearchQuery query) {
        return guarded(() -> withSearcher(searcher -> {
            long start = System.nanoTime();
            Query filter = query.filter() == null ? null : FilterQueries.toQuery(query.filter());
            // Lucene's default strategy: a filtered graph search that falls back to an exact search over the
            // matching points when the graph search would visit more points than the filter matches.
            Query knn = new KnnFloatVectorQuery(PointDocuments.VECTOR, query.vector(), query.numCandidates(), filter);
            if (rescore) {
                knn = RescoreTopNQuery.createFullPrecisionRescorerQuery(knn, query.vector(), PointDocuments.VECTOR, query.k());
            }
            TopDocs top = searcher.search(knn, query.k());
            List<ScoredPoint> results = new ResultLoader(searcher, query.withPayload(), query.withVector(), spec.metric())
                    .load(top.scoreDocs);
            metrics.search().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return results;
        }));
    }

    @Override
    public PayloadSchema payloadSchema() {
        return schema;
    }

    @Override
    public IndexStats stats() {
        return guarded(() -> withSearcher(searcher -> new IndexStats(searcher.getIndexReader().numDocs(),
                AtomicFiles.sizeOf(path), searcher.getIndexReader().leaves().size())));
    }

    @Override
    public void commitPending() {
        guarded(() -> {
            synchronized (commitLock) {
                if (writer.hasUncommittedChanges()) {
                    commitLocked();
                }
            }
            return null;
        });
    }

    @Override
    public boolean optimize() {
        return guarded(() -> {
            int segments = withSearcher(searcher -> searcher.getIndexReader().leaves().size());
            boolean outdated = withSearcher(searcher -> merges.anyOutdated(searcher.getIndexReader()));
            if (segments <= 1 && !writer.hasDeletions() && !outdated) {
                return false;
            }
            writer.forceMerge(1, true);
            searchers.maybeRefreshBlocking();
            synchronized (commitLock) {
                commitLocked();
            }
            return true;
        });
    }

    @Override
    public boolean fragmented() {
        return guarded(() -> withSearcher(searcher -> {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            int total = searcher.getIndexReader().numDocs();
            int largest = leaves.stream().mapToInt(leaf -> leaf.reader().numDocs()).max().orElse(0);
            return leaves.size() > MAX_SEGMENTS || (leaves.size() > 1 && largest < 0.9 * total)
                    || merges.anyOutdated(searcher.getIndexReader());
        }));
    }

    @Override
    public long nanosSinceLastWrite() {
        return System.nanoTime() - lastWriteNanos;
    }

    @Override
    public IndexStats snapshot(Path target) {
        return guarded(() -> {
            IndexCommit commit;
            synchronized (commitLock) {
                commitLocked();
                commit = commits.snapshot();
            }
            try {
                Files.createDirectories(target);
                for (String file : commit.getFileNames()) {
                    AtomicFiles.linkOrCopy(path.resolve(file), target.resolve(file));
                }
                AtomicFiles.syncDirectory(target);
                try (DirectoryReader reader = DirectoryReader.open(commit)) {
                    return new IndexStats(reader.numDocs(), AtomicFiles.sizeOf(target), reader.leaves().size());
                }
            } finally {
                commits.release(commit);
                writer.deleteUnusedFiles();
            }
        });
    }

    @Override
    public void close() throws IOException {
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            searchers.close();
            writer.close();
            directory.close();
        } finally {
            lock.unlock();
        }
    }

    private void afterWrite(long sequence, Durability durability) throws IOException {
        lastWriteNanos = System.nanoTime();
        searchers.maybeRefreshBlocking();
        if (durability == Durability.DURABLE) {
            synchronized (commitLock) {
                // Group commit: a commit that another caller made after this write already covers it.
                if (committedSequence < sequence) {
                    commitLocked();
                }
            }
        }
    }

    private void commitLocked() throws IOException {
        long start = System.nanoTime();
        committedSequence = writer.commit();
        metrics.commit().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private <T> T withSearcher(SearcherFunction<T> function) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return function.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Runs an operation unless the index is closed; a close waits for running operations to end. */
    private <T> T guarded(IoSupplier<T> operation) {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw VectordException.collectionClosed(spec.name());
            }
            return operation.get();
        } catch (AlreadyClosedException e) {
            throw VectordException.collectionClosed(spec.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
