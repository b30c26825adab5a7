package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;

/** Checks a vector against its collection and prepares it for the engine. */
public final class Vectors {

    private Vectors() {
    }

    /**
     * The vector as the engine stores and searches it: 400 for a wrong dimension, NaN or infinite
     * values, or a zero vector in a cosine collection (it has no direction); unit-normalised for cosine.
     */
    public static float[] prepare(CollectionSpec spec, float[] vector, String pointer) {
        if (vector.length != spec.dimension()) {
            throw VectordException.invalid("wrong_dimension", pointer + ": vector has " + vector.length
                    + " dimensions; collection '" + spec.name() + "' has " + spec.dimension());
        }
        double squaredNorm = 0;
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw VectordException.invalid("invalid_vector", pointer + "/" + i + ": vector values must be finite numbers");
            }
            squaredNorm += (double) vector[i] * vector[i];
        }
        if (spec.metric() != Metric.COSINE) {
            if (!Double.isFinite(squaredNorm)) {
                throw VectordException.invalid("invalid_vector", pointer + ": vector is too large to compare (its norm overflows)");
            }
            return vector;
        }
        if (squaredNorm == 0 || !Double.isFinite(squaredNorm)) {
            throw VectordException.invalid("zero_vector", pointer
                    + ": a zero (or overflowing) vector has no direction, so it has no cosine similarity");
        }
        float[] unit = new float[vector.length];
        double norm = Math.sqrt(squaredNorm);
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
