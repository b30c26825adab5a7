package dev.lakehouse.vectord;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Random vectors for tests, deterministic per seed. */
public final class TestVectors {

    private TestVectors() {
    }

    public static float[][] random(int count, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[count][dimension];
        for (float[] vector : vectors) {
            for (int d = 0; d < dimension; d++) {
                vector[d] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return vectors;
    }

    public static String json(float[] vector) {
        return IntStream.range(0, vector.length).mapToObj(i -> String.format(Locale.ROOT, "%s", vector[i]))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
