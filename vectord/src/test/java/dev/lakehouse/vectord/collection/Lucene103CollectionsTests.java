package dev.lakehouse.vectord.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.vectord.filter.Filter;
import dev.lakehouse.vectord.filter.PayloadFields;
import dev.lakehouse.vectord.filter.PayloadType;
import dev.lakehouse.vectord.index.Durability;
import dev.lakehouse.vectord.index.LuceneVectorIndexFactory;
import dev.lakehouse.vectord.index.Point;
import dev.lakehouse.vectord.index.ScoredPoint;
import dev.lakehouse.vectord.index.SearchQuery;
import dev.lakehouse.vectord.index.Vectors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collections created by vectord on Lucene 10.3.2 open on the current Lucene, answer, take writes,
 * and move to the current formats when merged. The test resources {@code lucene103/} hold
 * {@code floats} (cosine), {@code int8} (cosine, the 7-bit format) and {@code int4} (l2, the 4-bit
 * format), each with 16 dimensions and points {@code p0..p199} upserted in two durable batches of
 * 100 (so two segments), vectors drawn from {@code SplittableRandom(103)} as
 * {@code nextDouble() * 2 - 1}, payload {@code {"n": i, "parity": "even"|"odd"}}; and
 * {@code int8-merged}, the same {@code int8} index merged into one segment by Lucene 10.3.2, as
 * the idle optimizer of that version left collections.
 */
class Lucene103CollectionsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int OLD_POINTS = 200;
    private static final int DIMENSION = 16;

    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({"floats, 2", "int8, 2", "int4, 2", "int8-merged, 1"})
    void oldCollectionOpensWithItsSpecPointsAndPayloads(String name, int segments) throws IOException {
        copyFixture();

        try (CollectionRegistry registry = open()) {
            VectorCollection collection = registry.get(name);

            assertThat(collection.spec().dimension()).isEqualTo(DIMENSION);
            assertThat(collection.index().stats().points()).isEqualTo(OLD_POINTS);
            assertThat(collection.index().stats().segments()).isEqualTo(segments);
            assertThat(payloadOf(collection.index().get("p42", true, false).orElseThrow()))
                    .isEqualTo("{\"n\":42,\"parity\":\"even\"}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"floats", "int8", "int4", "int8-merged"})
    void oldCollectionFindsEachPointByItsOwnVectorWithAndWithoutFilter(String name) throws IOException {
        copyFixture();
        float[][] vectors = oldVectors();

        try (CollectionRegistry registry = open()) {
            VectorCollection collection = registry.get(name);
            List<ScoredPoint> nearest = search(collection, vectors[42], null);
            List<ScoredPoint> odd = search(collection, vectors[143], parity("odd"));

            assertThat(nearest.getFirst().id()).isEqualTo("p42");
            assertThat(odd.getFirst().id()).isEqualTo("p143");
            assertThat(odd).extracting(point -> Integer.parseInt(point.id().substring(1)) % 2).containsOnly(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"floats", "int8", "int4", "int8-merged"})
    void writesAndAMergeRewriteAnOldCollectionInTheCurrentCodec(String name) throws IOException {
        copyFixture();
        float[][] vectors = oldVectors();
        float[] added = randomVector(new SplittableRandom(7));

        try (CollectionRegistry registry = open()) {
            VectorCollection collection = registry.get(name);
            collection.index().upsert(List.of(point(collection.spec(), "added", added)),
                    Durability.DURABLE);
            boolean merged = collection.index().optimize();

            assertThat(merged).isTrue();
            assertThat(collection.index().stats().segments()).isEqualTo(1);
        }
        try (CollectionRegistry reopened = open()) {
            VectorCollection collection = reopened.get(name);

            assertThat(codecsOf(root.resolve(name).resolve(CollectionFiles.INDEX))).containsOnly("Lucene104");
            assertThat(collection.index().stats().points()).isEqualTo(OLD_POINTS + 1);
            assertThat(search(collection, vectors[42], null).getFirst().id()).isEqualTo("p42");
            assertThat(search(collection, added, null).getFirst().id()).isEqualTo("added");
        }
    }

    @Test
    void anOldCollectionAlreadyInOneSegmentCountsAsFragmentedAndOptimizeRewritesIt() throws IOException {
        copyFixture();
        float[][] vectors = oldVectors();

        try (CollectionRegistry registry = open()) {
            VectorCollection collection = registry.get("int8-merged");
            boolean fragmentedBefore = collection.index().fragmented();
            boolean merged = collection.index().optimize();

            assertThat(fragmentedBefore).isTrue();
            assertThat(merged).isTrue();
            assertThat(collection.index().fragmented()).isFalse();
            assertThat(collection.index().optimize()).isFalse();
            assertThat(collection.index().stats().points()).isEqualTo(OLD_POINTS);
            assertThat(search(collection, vectors[42], null).getFirst().id()).isEqualTo("p42");
        }
        assertThat(codecsOf(root.resolve("int8-merged").resolve(CollectionFiles.INDEX))).containsExactly("Lucene104");
    }

    private CollectionRegistry open() throws IOException {
        return new CollectionRegistry(root, new LuceneVectorIndexFactory(16, 200, 16, Set.of(), new SimpleMeterRegistry()),
                JSON, new SimpleMeterRegistry());
    }

    private void copyFixture() throws IOException {
        Path fixture;
        try {
            fixture = Path.of(Objects.requireNonNull(getClass().getResource("/lucene103")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path source : files.toList()) {
                Path target = root.resolve(fixture.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** The vectors the fixture was written with, in point order. */
    private static float[][] oldVectors() {
        SplittableRandom random = new SplittableRandom(103);
        float[][] vectors = new float[OLD_POINTS][];
        for (int i = 0; i < OLD_POINTS; i++) {
            vectors[i] = randomVector(random);
        }
        return vectors;
    }

    private static float[] randomVector(SplittableRandom random) {
        float[] vector = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            vector[d] = (float) (random.nextDouble() * 2 - 1);
        }
        return vector;
    }

    private static Point point(CollectionSpec spec, String id, float[] vector) {
        String payload = "{\"parity\":\"none\"}";
        return new Point(id, Vectors.prepare(spec, vector, "/"), payload.getBytes(StandardCharsets.UTF_8),
                PayloadFields.flatten(JSON.readTree(payload), 8));
    }

    private static List<ScoredPoint> search(VectorCollection collection, float[] vector, Filter.@Nullable Bool filter) {
        return collection.index().search(new SearchQuery(Vectors.prepare(collection.spec(), vector, "/"), 10, 100,
                filter, false, false));
    }

    private static Filter.Bool parity(String value) {
        return new Filter.Bool(List.of(new Filter.Match("parity", PayloadType.KEYWORD, value)), List.of(), List.of());
    }

    private static String payloadOf(ScoredPoint point) {
        return new String(Objects.requireNonNull(point.payloadJson()), StandardCharsets.UTF_8);
    }

    private static List<String> codecsOf(Path index) throws IOException {
        List<String> codecs = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(index)) {
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
                codecs.add(segment.info.getCodec().getName());
            }
        }
        return codecs;
    }
}
