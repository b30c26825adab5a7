package dev.lakehouse.vectord.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.vectord.TestVectors;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;
import dev.lakehouse.vectord.collection.Quantization;
import dev.lakehouse.vectord.filter.Filter;
import dev.lakehouse.vectord.filter.PayloadType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuceneVectorIndexTests {

    private static final CollectionSpec SPEC = IndexFixture.spec(16, Metric.COSINE, Quantization.NONE);
    private static final float[][] VECTORS = TestVectors.random(5000, 16, 3);

    @TempDir
    Path directory;

    /** 5,000 points; point i has payload {"group": i % modulo}. */
    private VectorIndex filled(CollectionSpec spec, int modulo) {
        VectorIndex index = IndexFixture.open(directory, spec);
        for (int from = 0; from < VECTORS.length; from += 1000) {
            List<Point> batch = new ArrayList<>();
            for (int i = from; i < from + 1000; i++) {
                batch.add(IndexFixture.point(spec, "p" + i, VECTORS[i], "{\"group\": " + (i % modulo) + "}"));
            }
            index.upsert(batch, Durability.VISIBLE);
        }
        return index;
    }

    private static Filter.Bool groupIs(int group) {
        return new Filter.Bool(List.of(new Filter.Match("group", PayloadType.NUMBER, (double) group)), List.of(), List.of());
    }

    @ParameterizedTest
    @CsvSource({"none, 400, 10", "none, 700, 8", "int8, 400, 10", "int4, 1000, 5"})
    void restrictiveFilterReturnsEveryMatchUpToK(String quantization, int modulo, int expected) throws IOException {
        CollectionSpec spec = IndexFixture.spec(16, Metric.COSINE, Quantization.parse(quantization));
        try (VectorIndex index = filled(spec, modulo)) {

            List<ScoredPoint> results = index.search(new SearchQuery(VECTORS[0], 10, 100, groupIs(3), false, false));

            assertThat(results).hasSize(expected);
            assertThat(results).allMatch(point -> Integer.parseInt(point.id().substring(1)) % modulo == 3);
        }
    }

    @Test
    void filteredResultsAreTheExactNearestMatches() throws IOException {
        try (VectorIndex index = filled(SPEC, 50)) {
            float[] query = VECTORS[42];

            List<String> found = index.search(new SearchQuery(Vectors.prepare(SPEC, query, "/"), 10, 100, groupIs(7), false, false))
                    .stream().map(ScoredPoint::id).toList();

            assertThat(found).containsExactlyElementsOf(BruteForce.nearest(VECTORS, query, 10, i -> i % 50 == 7));
        }
    }

    @Test
    void writeIsSearchableAtOnceAndOnDiskAfterTheCommit() throws IOException {
        try (VectorIndex index = IndexFixture.open(directory, SPEC)) {

            index.upsert(List.of(IndexFixture.point(SPEC, "fresh", VECTORS[0], "{}")), Durability.VISIBLE);

            assertThat(index.get("fresh", false, false)).isPresent();
            assertThat(committedPoints()).isZero();
            index.commitPending();
            assertThat(committedPoints()).isEqualTo(1);
        }
    }

    @Test
    void durableWriteIsOnDiskWhenItReturns() throws IOException {
        try (VectorIndex index = IndexFixture.open(directory, SPEC)) {

            index.upsert(List.of(IndexFixture.point(SPEC, "safe", VECTORS[0], "{}")), Durability.DURABLE);

            assertThat(committedPoints()).isEqualTo(1);
        }
    }

    @Test
    void reopenedIndexKnowsItsPointsAndPayloadTypes() throws IOException {
        try (VectorIndex index = IndexFixture.open(directory, SPEC)) {
            index.upsert(List.of(IndexFixture.point(SPEC, "a", VECTORS[0], "{\"tag\": \"x\", \"n\": 1, \"ok\": true}")),
                    Durability.DURABLE);
        }

        try (VectorIndex reopened = IndexFixture.open(directory, SPEC)) {

            assertThat(reopened.stats().points()).isEqualTo(1);
            assertThat(reopened.payloadSchema().asMap()).containsEntry("tag", PayloadType.KEYWORD)
                    .containsEntry("n", PayloadType.NUMBER).containsEntry("ok", PayloadType.BOOLEAN);
        }
    }

    @Test
    void optimizeLeavesOneSegmentWithEveryPoint() throws IOException {
        try (VectorIndex index = filled(SPEC, 10)) {

            boolean merged = index.optimize();

            assertThat(merged).isTrue();
            assertThat(index.stats().segments()).isEqualTo(1);
            assertThat(index.stats().points()).isEqualTo(VECTORS.length);
        }
    }

    @Test
    void indexOfEqualSegmentsIsFragmentedAndAFewAddedPointsAreNot() throws IOException {
        try (VectorIndex index = filled(SPEC, 10)) {
            boolean equalSegments = index.fragmented();
            index.optimize();

            index.upsert(List.of(IndexFixture.point(SPEC, "late", VECTORS[0], "{}")), Durability.VISIBLE);

            assertThat(equalSegments).isTrue();
            assertThat(index.stats().segments()).isEqualTo(2);
            assertThat(index.fragmented()).isFalse();
        }
    }

    @Test
    void snapshotIsACompleteIndexOfTheCommittedPoints() throws IOException {
        try (VectorIndex index = IndexFixture.open(directory.resolve("live"), SPEC)) {
            index.upsert(List.of(IndexFixture.point(SPEC, "a", VECTORS[0], "{}")), Durability.VISIBLE);

            IndexStats copy = index.snapshot(directory.resolve("copy"));

            assertThat(copy.points()).isEqualTo(1);
            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(directory.resolve("copy")))) {
                assertThat(reader.numDocs()).isEqualTo(1);
            }
        }
    }

    private long committedPoints() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(directory))) {
            return reader.numDocs();
        }
    }
}
