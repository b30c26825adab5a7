package dev.lakehouse.vectord.index;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.hnsw.FlatVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104ScalarQuantizedVectorsReader;
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
 * int8 collections: Lucene's 8-bit HNSW format file for file, searched with {@link OffHeapInt8Scorer},
 * which scores the 8-bit vectors where they are mapped, several at a time. Lucene's own reader
 * copies every vector to the heap and scores one at a time, which made int8 slower than float.
 *
 * <p>Segments record the format's name and are read back by it (Java's service loader finds this
 * class through {@code META-INF/services}), so the name is fixed for good. Segments written under
 * Lucene's own name stay readable with Lucene's scorer; {@code optimize} rewrites them.
 */
public final class Int8HnswFormat extends KnnVectorsFormat {

    public static final String NAME = "LakehouseHnswInt8";

    /** The raw float vectors next to the 8-bit ones, read only to re-rank, as Lucene's format does. */
    private static final FlatVectorsFormat RAW_VECTORS =
            new Lucene99FlatVectorsFormat(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());

    private static final OffHeapInt8Scorer SCORER =
            new OffHeapInt8Scorer(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());

    private final KnnVectorsFormat writing;

    /** For reading: the service loader's instance. The graph parameters only matter when writing. */
    public Int8HnswFormat() {
        this(Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN, Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH);
    }

    public Int8HnswFormat(int m, int beamWidth) {
        super(NAME);
        this.writing = new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, m, beamWidth);
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
        return writing.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
        // The same files and open hints as Lucene104HnswScalarQuantizedVectorsFormat's reader; only the scorer differs.
        SegmentReadState vectors = state.withHints(FileTypeHint.DATA, FileDataHint.KNN_VECTORS, DataAccessHint.RANDOM);
        SegmentReadState rescoreOnly = new SegmentReadState(vectors, vectors.context.union(NoReuseHint.INSTANCE));
        Lucene104ScalarQuantizedVectorsReader quantized =
                new Lucene104ScalarQuantizedVectorsReader(vectors, RAW_VECTORS.fieldsReader(rescoreOnly), SCORER);
        try {
            return new Lucene99HnswVectorsReader(vectors, quantized);
        } catch (IOException | RuntimeException e) {
            quantized.close();
            throw e;
        }
    }

    @Override
    public int getMaxDimensions(String fieldName) {
        return LuceneFormats.MAX_DIMENSIONS;
    }

    @Override
    public String toString() {
        return NAME + "(" + writing + ")";
    }
}
