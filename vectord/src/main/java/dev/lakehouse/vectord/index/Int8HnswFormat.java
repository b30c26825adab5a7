package dev.lakehouse.vectord.index;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.hnsw.FlatVectorsFormat;
import org.apache.lucene.codecs.hnsw.FlatVectorsReader;
import org.apache.lucene.codecs.hnsw.FlatVectorsWriter;
import org.apache.lucene.codecs.lucene104.Lucene104ScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104ScalarQuantizedVectorsReader;
import org.apache.lucene.codecs.lucene104.Lucene104ScalarQuantizedVectorsWriter;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsWriter;
import org.apache.lucene.codecs.lucene99.Lucene99FlatVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsReader;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.store.DataAccessHint;
import org.apache.lucene.store.FileDataHint;
import org.apache.lucene.store.FileTypeHint;
import org.apache.lucene.store.NoReuseHint;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * int8 collections: Lucene's 8-bit HNSW format file for file, with {@link OffHeapInt8Scorer} in
 * place of Lucene's scorer wherever Lucene would score the stored 8-bit vectors: searches, and the
 * graph of a merged segment. The scorer scores the 8-bit vectors where they are mapped, several at
 * a time; Lucene's copies every vector to the heap and scores one at a time, which made int8
 * slower than float.
 *
 * <p>Segments record the format's name and are read back by it (Java's service loader finds this
 * class through {@code META-INF/services}), so the name is fixed for good. Segments written under
 * Lucene's own name stay readable with Lucene's scorer; {@code optimize} rewrites them.
 */
public final class Int8HnswFormat extends KnnVectorsFormat {

    public static final String NAME = "LakehouseHnswInt8";

    /** Lucene104HnswScalarQuantizedVectorsFormat's own default. */
    private static final int TINY_SEGMENTS_THRESHOLD = 100;

    private static final FlatVectorsFormat VECTORS = new EightBitVectors();

    private final int m;
    private final int beamWidth;

    /** For reading: the service loader's instance. The graph parameters only matter when writing. */
    public Int8HnswFormat() {
        this(Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN, Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH);
    }

    public Int8HnswFormat(int m, int beamWidth) {
        super(NAME);
        this.m = m;
        this.beamWidth = beamWidth;
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
        return new Lucene99HnswVectorsWriter(state, m, beamWidth, VECTORS, VECTORS.fieldsWriter(state), 1, null,
                TINY_SEGMENTS_THRESHOLD);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
        // The same open hints as Lucene104HnswScalarQuantizedVectorsFormat's reader.
        return new Lucene99HnswVectorsReader(state,
                VECTORS.fieldsReader(state.withHints(FileTypeHint.DATA, FileDataHint.KNN_VECTORS, DataAccessHint.RANDOM)));
    }

    @Override
    public int getMaxDimensions(String fieldName) {
        return LuceneFormats.MAX_DIMENSIONS;
    }

    @Override
    public String toString() {
        return NAME + "(m=" + m + ", beamWidth=" + beamWidth + ", " + VECTORS + ")";
    }

    /**
     * Lucene's 8-bit flat vectors format with vectord's scorer: the same writer and reader, which
     * take their scorer as an argument, and the float vectors kept next to the 8-bit ones, opened
     * as Lucene opens them (read only to re-rank).
     */
    private static final class EightBitVectors extends Lucene104ScalarQuantizedVectorsFormat {

        private static final FlatVectorsFormat RAW_VECTORS =
                new Lucene99FlatVectorsFormat(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());
        private static final OffHeapInt8Scorer SCORER =
                new OffHeapInt8Scorer(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());

        EightBitVectors() {
            super(ScalarEncoding.UNSIGNED_BYTE);
        }

        @Override
        public FlatVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
            SegmentWriteState raw = new SegmentWriteState(state, state.context.union(NoReuseHint.INSTANCE));
            return new Lucene104ScalarQuantizedVectorsWriter(state, ScalarEncoding.UNSIGNED_BYTE,
                    RAW_VECTORS.fieldsWriter(raw), SCORER);
        }

        @Override
        public FlatVectorsReader fieldsReader(SegmentReadState state) throws IOException {
            SegmentReadState raw = new SegmentReadState(state, state.context.union(NoReuseHint.INSTANCE));
            return new Lucene104ScalarQuantizedVectorsReader(state, RAW_VECTORS.fieldsReader(raw), SCORER);
        }
    }
}
