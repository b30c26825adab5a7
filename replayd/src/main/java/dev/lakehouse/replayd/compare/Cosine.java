package dev.lakehouse.replayd.compare;

import java.util.OptionalDouble;

/** Cosine similarity of two vectors: their dot product over the product of their lengths. */
public final class Cosine {

    private Cosine() {
    }

    /** In [-1, 1] (rounding is clamped); empty when the lengths differ or a vector is all zeros. */
    public static OptionalDouble of(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            return OptionalDouble.empty();
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        if (normA == 0 || normB == 0) {
            return OptionalDouble.empty();
        }
        double cosine = dot / (Math.sqrt(normA) * Math.sqrt(normB));
        return OptionalDouble.of(Math.max(-1, Math.min(1, cosine)));
    }
}
