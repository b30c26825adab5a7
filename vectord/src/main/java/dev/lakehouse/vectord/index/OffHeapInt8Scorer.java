package dev.lakehouse.vectord.index;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.codecs.hnsw.FlatVectorsScorer;
import org.apache.lucene.codecs.lucene104.Lucene104ScalarQuantizedVectorScorer;
import org.apache.lucene.codecs.lucene104.OffHeapScalarQuantizedVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.RandomAccessInput;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.apache.lucene.util.hnsw.UpdateableRandomVectorScorer;
import org.apache.lucene.util.quantization.OptimizedScalarQuantizer;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import org.jspecify.annotations.Nullable;

/**
 * Lucene's 8-bit OSQ scoring, reordered for memory, for searches and for building merged graphs:
 * the neighbours HNSW scores together are first all read (vector bytes and corrective terms, by
 * position in the mapped file, one copy each), then all scored. Their reads overlap instead of
 * each waiting for the one before; HNSW visits vectors stored far apart, so those waits, not the
 * arithmetic, are what it spends. Scores equal Lucene's to the bit: the same integer dot product
 * and the same float expression. Another encoding, vectors still in memory (a segment being
 * flushed) or an index file without positional reads go to Lucene's scorer.
 */
final class OffHeapInt8Scorer extends Lucene104ScalarQuantizedVectorScorer {

    private static final float EIGHT_BIT_STEP = 1f / 255;
    /** A stored vector's corrective terms follow its bytes: three floats, then the component sum. */
    private static final int TERMS_BYTES = 3 * Float.BYTES + Integer.BYTES;
    private static final int LOWER = 0;
    private static final int UPPER = 1;
    private static final int ADDITIONAL = 2;
    /** HNSW's level-0 nodes have up to 2 x M neighbours; 64 covers M up to 32 without regrowing. */
    private static final int MIN_BATCH = 64;
    private static final Buffers BUFFERS = new Buffers();

    OffHeapInt8Scorer(FlatVectorsScorer nonQuantized) {
        super(nonQuantized);
    }

    @Override
    public RandomVectorScorer getRandomVectorScorer(VectorSimilarityFunction similarity, KnnVectorValues values,
            float[] target) throws IOException {
        RandomAccessInput vectors = mappedEightBitVectors(values);
        if (vectors == null) {
            return super.getRandomVectorScorer(similarity, values, target);
        }
        OffHeapScalarQuantizedVectorValues quantized = (OffHeapScalarQuantizedVectorValues) values;
        FlatVectorsScorer.checkDimensions(target.length, quantized.dimension());
        float[] query = target.clone();
        if (similarity == VectorSimilarityFunction.COSINE) {
            VectorUtil.l2normalize(query);
        }
        byte[] queryBytes = new byte[quantized.dimension()];
        OptimizedScalarQuantizer.QuantizationResult queryTerms = quantized.getQuantizer()
                .scalarQuantize(query, queryBytes, ScalarEncoding.UNSIGNED_BYTE.getQueryBits(), quantized.getCentroid());
        Scorer scorer = new Scorer(quantized, vectors, similarity);
        scorer.query(queryBytes, queryTerms);
        return scorer;
    }

    /** For building the graph of a merged segment: stored vectors scored against stored vectors. */
    @Override
    public RandomVectorScorerSupplier getRandomVectorScorerSupplier(VectorSimilarityFunction similarity,
            KnnVectorValues values) throws IOException {
        if (mappedEightBitVectors(values) == null) {
            return super.getRandomVectorScorerSupplier(similarity, values);
        }
        return new Supplier((OffHeapScalarQuantizedVectorValues) values, similarity);
    }

    /** The 8-bit vectors' file for positional reads, or null where this scorer does not apply. */
    private static @Nullable RandomAccessInput mappedEightBitVectors(KnnVectorValues values) {
        if (values instanceof OffHeapScalarQuantizedVectorValues quantized
                && quantized.getScalarEncoding() == ScalarEncoding.UNSIGNED_BYTE
                && quantized.getVectorByteLength() == quantized.dimension()
                && quantized.getSlice() instanceof RandomAccessInput vectors) {
            return vectors;
        }
        return null;
    }

    private record Supplier(OffHeapScalarQuantizedVectorValues values, VectorSimilarityFunction similarity)
            implements RandomVectorScorerSupplier {

        @Override
        public UpdateableRandomVectorScorer scorer() {
            return new Scorer(values, (RandomAccessInput) values.getSlice(), similarity);
        }

        @Override
        public RandomVectorScorerSupplier copy() throws IOException {
            return new Supplier((OffHeapScalarQuantizedVectorValues) values.copy(), similarity);
        }
    }

    /**
     * One query against one segment's vectors: a search's quantized query, or (building a graph)
     * a stored vector chosen with {@link #setScoringOrdinal}. Each stored vector is its
     * {@code dimension} bytes followed by its corrective terms: lower interval, upper interval,
     * additional correction (floats) and the sum of its components (int), little-endian. A node is
     * read whole, vector and terms in one copy; the query carries zeros where the terms sit, so
     * they add nothing to the dot product.
     */
    private static final class Scorer extends RandomVectorScorer.AbstractRandomVectorScorer
            implements UpdateableRandomVectorScorer {

        private final RandomAccessInput vectors;
        private final VectorSimilarityFunction similarity;
        private final int dimension;
        private final int stride;
        private final float centroidDotProduct;
        private final byte[] query;
        /** One node's bytes for {@link #score}, which graph building calls once per pair it compares. */
        private final byte[] single;
        private float queryLower;
        private float queryStep;
        private float querySum;
        private float queryAdditional;

        Scorer(OffHeapScalarQuantizedVectorValues values, RandomAccessInput vectors, VectorSimilarityFunction similarity) {
            super(values);
            this.vectors = vectors;
            this.similarity = similarity;
            this.dimension = values.dimension();
            this.stride = dimension + TERMS_BYTES;
            this.centroidDotProduct = values.getCentroidDP();
            this.query = new byte[stride];
            this.single = new byte[stride];
        }

        void query(byte[] bytes, OptimizedScalarQuantizer.QuantizationResult terms) {
            System.arraycopy(bytes, 0, query, 0, dimension);
            queryTerms(terms.lowerInterval(), terms.upperInterval(), terms.quantizedComponentSum(),
                    terms.additionalCorrection());
        }

        @Override
        public void setScoringOrdinal(int node) throws IOException {
            vectors.readBytes((long) node * stride, single, 0, stride);
            System.arraycopy(single, 0, query, 0, dimension);
            queryTerms(term(single, LOWER), term(single, UPPER), componentSum(single), term(single, ADDITIONAL));
        }

        private void queryTerms(float lower, float upper, int sum, float additional) {
            queryLower = lower;
            queryStep = (upper - lower) * EIGHT_BIT_STEP;
            querySum = sum;
            queryAdditional = additional;
        }

        @Override
        public float score(int node) throws IOException {
            vectors.readBytes((long) node * stride, single, 0, stride);
            return scored(single);
        }

        @Override
        public float bulkScore(int[] nodes, float[] scores, int count) throws IOException {
            byte[][] reads = BUFFERS.borrow(count, stride);
            try {
                for (int i = 0; i < count; i++) {
                    vectors.readBytes((long) nodes[i] * stride, reads[i], 0, stride);
                }
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < count; i++) {
                    scores[i] = scored(reads[i]);
                    max = Math.max(max, scores[i]);
                }
                return max;
            } finally {
                BUFFERS.giveBack(reads);
            }
        }

        /** Lucene104ScalarQuantizedVectorScorer's score, term for term. */
        private float scored(byte[] read) {
            float lower = term(read, LOWER);
            float step = (term(read, UPPER) - lower) * EIGHT_BIT_STEP;
            float additional = term(read, ADDITIONAL);
            float sum = componentSum(read);
            float dot = VectorUtil.uint8DotProduct(query, read);
            float score = lower * queryLower * dimension + queryLower * step * sum + lower * queryStep * querySum
                    + step * queryStep * dot;
            if (similarity == VectorSimilarityFunction.EUCLIDEAN) {
                score = queryAdditional + additional - 2 * score;
                return 1 / (1f + Math.max(score, 0));
            }
            score += queryAdditional + additional - centroidDotProduct;
            if (similarity == VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT) {
                return VectorUtil.scaleMaxInnerProductScore(score);
            }
            return (Math.clamp(score, -1, 1) + 1) / 2;
        }

        /** One of a node's corrective floats ({@link #LOWER}, {@link #UPPER}, {@link #ADDITIONAL}), from the bytes read for it. */
        private float term(byte[] read, int index) {
            return (float) BitUtil.VH_LE_FLOAT.get(read, dimension + index * Float.BYTES);
        }

        private int componentSum(byte[] read) {
            return (int) BitUtil.VH_LE_INT.get(read, dimension + 3 * Float.BYTES);
        }
    }

    /**
     * Read buffers for bulk scores, kept between searches: allocating a fresh set for every
     * search cost about a sixth of a search's time. A search borrows a set for one bulk score and
     * gives it back; when every slot is taken, it allocates.
     */
    private static final class Buffers {

        private final AtomicReferenceArray<byte[][]> slots =
                new AtomicReferenceArray<>(4 * Runtime.getRuntime().availableProcessors());

        byte[][] borrow(int count, int width) {
            for (int i = 0; i < slots.length(); i++) {
                byte[][] set = slots.get(i);
                if (set != null && slots.compareAndSet(i, set, null)) {
                    if (set.length >= count && set[0].length == width) {
                        return set;
                    }
                    break;
                }
            }
            return new byte[Math.max(count, MIN_BATCH)][width];
        }

        void giveBack(byte[][] set) {
            for (int i = 0; i < slots.length(); i++) {
                if (slots.get(i) == null && slots.compareAndSet(i, null, set)) {
                    return;
                }
            }
        }
    }
}
