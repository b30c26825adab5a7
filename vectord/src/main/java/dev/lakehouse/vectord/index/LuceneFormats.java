package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;
import dev.lakehouse.vectord.collection.Quantization;
import java.io.IOException;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The Lucene codec of a collection: the default codec with the collection's HNSW format on the
 * vector field. Segments written by older Lucene versions (collections created before the move to
 * Lucene 10.6) are read through the codec and format names they recorded, which
 * {@code lucene-backward-codecs} provides; a merge rewrites them in the current formats.
 */
final class LuceneFormats {

    /** Lucene's HNSW formats refuse more than 1024 dimensions unless the format says otherwise. */
    static final int MAX_DIMENSIONS = 4096;

    private LuceneFormats() {
    }

    static Codec codec(CollectionSpec spec, int m, int beamWidth) {
        KnnVectorsFormat format = new MaxDimensionsFormat(vectorsFormat(spec.quantization(), m, beamWidth));
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }

    static KnnVectorsFormat vectorsFormat(Quantization quantization, int m, int beamWidth) {
        return switch (quantization) {
            case NONE -> new Lucene99HnswVectorsFormat(m, beamWidth);
            // Optimized scalar quantization (per-vector intervals and corrections around the segment's centroid):
            // 8 bits per dimension, or 4 bits packed two per byte. Its 8-bit scores are close enough to the
            // float ones that searches need not re-read the float vectors (docs/benchmarks.md, vectord).
            case INT8 -> new Int8HnswFormat(m, beamWidth);
            case INT4 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.PACKED_NIBBLE, m, beamWidth);
        };
    }

    /**
     * Cosine collections hold unit vectors, so a dot product gives the same order faster; a dot
     * collection may hold vectors of any length, which Lucene's maximum inner product handles.
     */
    static VectorSimilarityFunction similarity(Metric metric) {
        return switch (metric) {
            case COSINE -> VectorSimilarityFunction.DOT_PRODUCT;
            case DOT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
            case L2 -> VectorSimilarityFunction.EUCLIDEAN;
        };
    }

    /** The metric's own value from Lucene's score (which is always "higher is closer" and positive). */
    static float metricScore(Metric metric, float luceneScore) {
        return switch (metric) {
            case COSINE -> 2 * luceneScore - 1;
            case DOT -> luceneScore < 1 ? 1 - 1 / luceneScore : luceneScore - 1;
            case L2 -> (float) Math.sqrt(Math.max(0, 1 / luceneScore - 1));
        };
    }

    /**
     * Delegates to a Lucene format under that format's own name, so segments read back with the
     * stock format; only the dimension limit changes.
     */
    private static final class MaxDimensionsFormat extends KnnVectorsFormat {

        private final KnnVectorsFormat delegate;

        MaxDimensionsFormat(KnnVectorsFormat delegate) {
            super(delegate.getName());
            this.delegate = delegate;
        }

        @Override
        public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
            return delegate.fieldsWriter(state);
        }

        @Override
        public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
            return delegate.fieldsReader(state);
        }

        @Override
        public int getMaxDimensions(String fieldName) {
            return MAX_DIMENSIONS;
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
