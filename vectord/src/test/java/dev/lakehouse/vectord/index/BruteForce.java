package dev.lakehouse.vectord.index;

import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Exact nearest neighbours by cosine similarity, the reference the index is measured against. */
final class BruteForce {

    private BruteForce() {
    }

    static List<String> nearest(float[][] vectors, float[] query, int k, IntPredicate accept) {
        return IntStream.range(0, vectors.length).filter(accept).boxed()
                .sorted(Comparator.comparingDouble(i -> -cosine(vectors[i], query)))
                .limit(k).map(i -> "p" + i).toList();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
