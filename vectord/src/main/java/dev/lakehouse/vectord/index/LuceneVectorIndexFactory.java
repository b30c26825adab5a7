package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Quantization;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.TieredMergePolicy;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.ReadAdvice;

/**
 * Opens a collection's Lucene index. Lucene recovers from a crash by itself: it opens the last
 * commit point and deletes files no commit references, so a {@code kill -9} at any moment loses
 * at most the writes after the last commit.
 *
 * @param m HNSW neighbours per node
 * @param beamWidth HNSW construction beam width
 * @param ramBufferMb indexing buffer before a segment is flushed
 * @param rescored quantizations whose searches re-rank their candidates with the full-precision vectors
 * @param meters where the index timers are registered
 */
public record LuceneVectorIndexFactory(int m, int beamWidth, double ramBufferMb, Set<Quantization> rescored,
        MeterRegistry meters) implements VectorIndexFactory {

    /** Lucene's HNSW files: the graph, the float vectors and the quantized vectors. */
    private static final Set<String> VECTOR_FILES = Set.of("vex", "vec", "veq");

    @Override
    public VectorIndex open(CollectionSpec spec, Path path) throws IOException {
        MMapDirectory directory = new MMapDirectory(path);
        directory.setReadAdvice(LuceneVectorIndexFactory::readAdvice);
        try {
            SnapshotDeletionPolicy commits = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
            Codec codec = LuceneFormats.codec(spec, m, beamWidth);
            CurrentCodecMergePolicy merges = new CurrentCodecMergePolicy(new TieredMergePolicy(), codec.getName(),
                    LuceneFormats.vectorsFormat(spec.quantization(), m, beamWidth).getName());
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(codec)
                    .setMergePolicy(merges)
                    .setIndexDeletionPolicy(commits)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setCommitOnClose(true);
            IndexWriter writer = new IndexWriter(directory, config);
            if (!DirectoryReader.indexExists(directory)) {
                // Every collection directory holds a commit point from its first moment.
                writer.commit();
            }
            return new LuceneVectorIndex(spec, path, directory, writer, commits, merges,
                    IndexMetrics.of(meters, spec.name()),
                    spec.quantization() != Quantization.NONE && rescored.contains(spec.quantization()));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Searches read vectors and graph nodes at random places: no read-ahead on those files, so
     * memory holds the pages searches touch rather than their neighbours (madvise(2) MADV_RANDOM).
     */
    static Optional<ReadAdvice> readAdvice(String file, IOContext context) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        if (context.context() == IOContext.Context.DEFAULT && VECTOR_FILES.contains(extension)) {
            return Optional.of(ReadAdvice.RANDOM);
        }
        return MMapDirectory.ADVISE_BY_CONTEXT.apply(file, context);
    }
}
