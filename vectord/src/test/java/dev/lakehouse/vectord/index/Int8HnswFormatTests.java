package dev.lakehouse.vectord.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.vectord.TestVectors;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;
import dev.lakehouse.vectord.collection.Quantization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104ScalarQuantizedVectorScorer;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsReader;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.UpdateableRandomVectorScorer;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import org.apache.lucene.util.quantization.QuantizedVectorsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * vectord's int8 format writes Lucene's 8-bit files and searches them with its own scorer, which
 * must give Lucene's scores to the bit and so the same answers.
 */
class Int8HnswFormatTests {

    private static final String FIELD = "vector";
    private static final int DIMENSION = 40;
    private static final int POINTS = 700;
    private static final Lucene104ScalarQuantizedVectorScorer LUCENE =
            new Lucene104ScalarQuantizedVectorScorer(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(VectorSimilarityFunction.class)
    void searchScoresEqualLucenesOwnScorerOneByOneAndInBulk(VectorSimilarityFunction similarity) throws IOException {
        try (Segment segment = Segment.written(directory, similarity)) {
            SplittableRandom random = new SplittableRandom(11);

            for (float[] query : vectors(similarity, 20, 99)) {
                RandomVectorScorer expected = LUCENE.getRandomVectorScorer(similarity, segment.quantized().copy(), query);
                RandomVectorScorer actual = segment.vectors().getFlatVectorsReader().getRandomVectorScorer(FIELD, query);

                assertSameScores(expected, actual, random.ints(37, 0, POINTS).toArray());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(VectorSimilarityFunction.class)
    void graphBuildingScoresEqualLucenesOwnStoredVectorAgainstStoredVectors(VectorSimilarityFunction similarity)
            throws IOException {
        try (Segment segment = Segment.written(directory, similarity)) {
            UpdateableRandomVectorScorer expected =
                    LUCENE.getRandomVectorScorerSupplier(similarity, segment.quantized().copy()).scorer();
            UpdateableRandomVectorScorer actual = new OffHeapInt8Scorer(FlatVectorScorerUtil.getLucene99FlatVectorsScorer())
                    .getRandomVectorScorerSupplier(similarity, segment.quantized().copy()).copy().scorer();
            SplittableRandom random = new SplittableRandom(13);

            for (int from = 0; from < POINTS; from += 35) {
                expected.setScoringOrdinal(from);
                actual.setScoringOrdinal(from);

                assertSameScores(expected, actual, random.ints(33, 0, POINTS).toArray());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(VectorSimilarityFunction.class)
    void aKnnQueryAnswersWhatLucenesScorerFindsOnTheSameGraph(VectorSimilarityFunction similarity) throws IOException {
        try (Segment segment = Segment.written(directory, similarity)) {

            for (float[] query : vectors(similarity, 20, 7)) {
                TopKnnCollector luceneCollector = new TopKnnCollector(30, Integer.MAX_VALUE);
                HnswGraphSearcher.search(LUCENE.getRandomVectorScorer(similarity, segment.quantized().copy(), query),
                        luceneCollector, segment.vectors().getGraph(FIELD), null);
                ScoreDoc[] expected = Arrays.copyOf(luceneCollector.topDocs().scoreDocs, 10);
                ScoreDoc[] actual = new IndexSearcher(segment.reader()).search(new KnnFloatVectorQuery(FIELD, query, 30), 10).scoreDocs;

                assertThat(Arrays.stream(actual).map(hit -> hit.doc + "=" + hit.score))
                        .containsExactlyElementsOf(Arrays.stream(expected).map(hit -> hit.doc + "=" + hit.score).toList());
            }
        }
    }

    @Test
    void anInt8CollectionInLucenesOwnFormatIsSearchableAndOptimizeMovesItToVectordsFormat() throws IOException {
        CollectionSpec spec = IndexFixture.spec(DIMENSION, Metric.COSINE, Quantization.INT8);
        float[][] vectors = TestVectors.random(POINTS, DIMENSION, 21);
        try (VectorIndex index = IndexFixture.open(directory, spec)) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < vectors.length; i++) {
                points.add(IndexFixture.point(spec, "p" + i, vectors[i], "{}"));
            }
            index.upsert(points, Durability.DURABLE);
            index.optimize();
        }
        assertThat(vectorsFormats(directory)).containsExactly(Int8HnswFormat.NAME);
        rewriteInLucenesOwnInt8Format(directory);
        assertThat(vectorsFormats(directory)).containsExactly(Lucene104HnswScalarQuantizedVectorsFormat.NAME);

        try (VectorIndex index = IndexFixture.open(directory, spec)) {
            List<ScoredPoint> before = index.search(new SearchQuery(Vectors.prepare(spec, vectors[42], "/"), 10, 50, null, false, false));
            boolean fragmented = index.fragmented();
            boolean rewritten = index.optimize();
            List<ScoredPoint> after = index.search(new SearchQuery(Vectors.prepare(spec, vectors[42], "/"), 10, 50, null, false, false));

            assertThat(before.getFirst().id()).isEqualTo("p42");
            assertThat(fragmented).isTrue();
            assertThat(rewritten).isTrue();
            assertThat(index.fragmented()).isFalse();
            assertThat(index.optimize()).isFalse();
            assertThat(after.getFirst().id()).isEqualTo("p42");
            assertThat(index.stats().points()).isEqualTo(POINTS);
        }
        assertThat(vectorsFormats(directory)).containsExactly(Int8HnswFormat.NAME);
    }

    /** What an int8 collection written before vectord had its own format looks like: the same documents and commit data. */
    private static void rewriteInLucenesOwnInt8Format(Path path) throws IOException {
        KnnVectorsFormat lucenes = new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, 16, 200);
        try (Directory index = new MMapDirectory(path); DirectoryReader old = DirectoryReader.open(index)) {
            IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCodec(new Lucene104Codec() {
                        @Override
                        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                            return lucenes;
                        }
                    });
            try (IndexWriter writer = new IndexWriter(index, config)) {
                writer.addIndexes(old.leaves().stream().map(leaf -> (CodecReader) leaf.reader()).toArray(CodecReader[]::new));
                writer.setLiveCommitData(old.getIndexCommit().getUserData().entrySet());
                writer.commit();
            }
        }
    }

    private static List<String> vectorsFormats(Path path) throws IOException {
        try (Directory index = new MMapDirectory(path); DirectoryReader reader = DirectoryReader.open(index)) {
            return reader.leaves().stream()
                    .map(leaf -> leaf.reader().getFieldInfos().fieldInfo(PointDocuments.VECTOR)
                            .getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY))
                    .toList();
        }
    }

    /** One segment of POINTS vectors (ordinal = document, as every point has a vector). */
    private static Directory indexed(Path path, VectorSimilarityFunction similarity) throws IOException {
        KnnVectorsFormat format = new Int8HnswFormat(16, 100);
        Directory directory = new MMapDirectory(path);
        IndexWriterConfig config = new IndexWriterConfig().setCodec(new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        });
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            float[][] vectors = vectors(similarity, POINTS, 5);
            for (int i = 0; i < vectors.length; i++) {
                Document document = new Document();
                document.add(new StoredField("id", i));
                document.add(new KnnFloatVectorField(FIELD, vectors[i], similarity));
                writer.addDocument(document);
            }
            writer.forceMerge(1);
        }
        return directory;
    }

    /** One segment of POINTS vectors written in vectord's int8 format, open for reading. */
    private record Segment(Directory index, DirectoryReader reader, Lucene99HnswVectorsReader vectors,
            KnnVectorValues quantized) implements AutoCloseable {

        static Segment written(Path path, VectorSimilarityFunction similarity) throws IOException {
            Directory index = indexed(path, similarity);
            DirectoryReader reader = DirectoryReader.open(index);
            LeafReader leaf = reader.leaves().getFirst().reader();
            PerFieldKnnVectorsFormat.FieldsReader fields =
                    (PerFieldKnnVectorsFormat.FieldsReader) ((CodecReader) leaf).getVectorReader();
            Lucene99HnswVectorsReader vectors = (Lucene99HnswVectorsReader) fields.getFieldReader(FIELD);
            return new Segment(index, reader, vectors, ((QuantizedVectorsReader) vectors).getQuantizedVectorValues(FIELD));
        }

        @Override
        public void close() throws IOException {
            reader.close();
            index.close();
        }
    }

    /** Unit vectors where the similarity asks for them, vectors of any length otherwise. */
    private static float[][] vectors(VectorSimilarityFunction similarity, int count, long seed) {
        float[][] vectors = TestVectors.random(count, DIMENSION, seed);
        if (similarity == VectorSimilarityFunction.DOT_PRODUCT) {
            for (float[] vector : vectors) {
                VectorUtil.l2normalize(vector);
            }
        }
        return vectors;
    }

    /** The actual scorer is vectord's and gives the expected scores, one node at a time and in bulk. */
    private static void assertSameScores(RandomVectorScorer expected, RandomVectorScorer actual, int[] nodes)
            throws IOException {
        assertThat(actual.getClass().getEnclosingClass()).isEqualTo(OffHeapInt8Scorer.class);
        float[] bulk = new float[nodes.length];
        float best = actual.bulkScore(nodes, bulk, nodes.length);

        float[] one = new float[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            one[i] = expected.score(nodes[i]);
            assertThat(actual.score(nodes[i])).isEqualTo(one[i]);
        }
        assertThat(bulk).containsExactly(one);
        assertThat(best).isEqualTo(max(one));
    }

    private static float max(float[] scores) {
        float max = Float.NEGATIVE_INFINITY;
        for (float score : scores) {
            max = Math.max(max, score);
        }
        return max;
    }
}
