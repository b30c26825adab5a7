package dev.lakehouse.vectord.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;
import dev.lakehouse.vectord.collection.Quantization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall@10 of the engine at its default settings (HNSW m=16, beam width 200, 100 candidates)
 * against exact brute force, on 20,000 clustered vectors loaded through 1,000-point upserts.
 */
class RecallTests {

    private static final int POINTS = 20_000;
    private static final int QUERIES = 200;
    private static final int DIMENSION = 64;
    private static final int DEFAULT_NUM_CANDIDATES = 100;

    @TempDir
    Path directory;

    @Test
    void recallAtTenIsAtLeast95PercentAsLoadedAndAfterOptimize() throws IOException {
        CollectionSpec spec = IndexFixture.spec(DIMENSION, Metric.COSINE, Quantization.NONE);
        float[][] vectors = clustered(POINTS + QUERIES, new SplittableRandom(2026));
        try (VectorIndex index = IndexFixture.open(directory, spec)) {
            for (int from = 0; from < POINTS; from += 1000) {
                List<Point> batch = new ArrayList<>();
                for (int i = from; i < from + 1000; i++) {
                    batch.add(IndexFixture.point(spec, "p" + i, vectors[i], "{}"));
                }
                index.upsert(batch, Durability.VISIBLE);
            }

            double asLoaded = recall(index, spec, vectors);
            index.optimize();
            double optimized = recall(index, spec, vectors);

            assertThat(asLoaded).isGreaterThanOrEqualTo(0.95);
            assertThat(optimized).isGreaterThanOrEqualTo(0.95);
        }
    }

    private static double recall(VectorIndex index, CollectionSpec spec, float[][] vectors) {
        float[][] base = java.util.Arrays.copyOf(vectors, POINTS);
        int found = 0;
        for (int q = POINTS; q < POINTS + QUERIES; q++) {
            Set<String> exact = new HashSet<>(BruteForce.nearest(base, vectors[q], 10, i -> true));
            found += (int) index.search(new SearchQuery(Vectors.prepare(spec, vectors[q], "/"), 10, DEFAULT_NUM_CANDIDATES,
                    null, false, false)).stream().filter(point -> exact.contains(point.id())).count();
        }
        return found / (QUERIES * 10.0);
    }

    /** Points scattered around 200 random centres: neighbours exist but are not trivial to tell apart. */
    private static float[][] clustered(int count, SplittableRandom random) {
        float[][] centres = new float[200][DIMENSION];
        for (float[] centre : centres) {
            for (int d = 0; d < DIMENSION; d++) {
                centre[d] = (float) random.nextGaussian();
            }
        }
        float[][] vectors = new float[count][DIMENSION];
        for (float[] vector : vectors) {
            float[] centre = centres[random.nextInt(centres.length)];
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = centre[d] + (float) random.nextGaussian();
            }
        }
        return vectors;
    }
}
