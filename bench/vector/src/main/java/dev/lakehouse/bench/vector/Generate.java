package dev.lakehouse.bench.vector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;

/**
 * A deterministic data set in TEXMEX files: {@code n} L2-normalised vectors drawn around
 * {@code n/100} random centroids (Gaussian noise of the same overall size as the centroid, so
 * neighbours are close but not trivial), queries drawn the same way, and the exact top 100 of
 * each query by inner product (= cosine here), computed by brute force.
 */
final class Generate {

    static final int TRUTH = 100;

    private Generate() {
    }

    static void run(Path out, String name, int n, int queries, int dimension) throws Exception {
        Files.createDirectories(out);
        SplittableRandom random = new SplittableRandom(20261125L + n);
        int clusters = Math.max(10, n / 100);
        float[][] centroids = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centroids[c] = normalised(gaussian(random, dimension, 1.0));
        }
        float[][] base = new float[n][];
        for (int i = 0; i < n; i++) {
            base[i] = around(centroids[random.nextInt(clusters)], random);
        }
        float[][] query = new float[queries][];
        for (int i = 0; i < queries; i++) {
            query[i] = around(centroids[random.nextInt(clusters)], random);
        }
        long start = System.nanoTime();
        int[][] truth = IntStream.range(0, queries).parallel().mapToObj(q -> exactTop(base, query[q], TRUTH))
                .toArray(int[][]::new);
        System.out.printf("ground truth for %d queries over %d vectors in %.1f s%n", queries, n,
                (System.nanoTime() - start) / 1e9);
        Texmex.writeFvecs(out.resolve(name + "_base.fvecs"), base);
        Texmex.writeFvecs(out.resolve(name + "_query.fvecs"), query);
        Texmex.writeIvecs(out.resolve(name + "_groundtruth.ivecs"), truth);
    }

    static int[] exactTop(float[][] base, float[] query, int k) {
        TopK top = new TopK(k);
        for (int i = 0; i < base.length; i++) {
            top.offer(i, VectorUtil.dotProduct(base[i], query));
        }
        return top.idsBestFirst();
    }

    private static float[] around(float[] centroid, SplittableRandom random) {
        float[] noise = gaussian(random, centroid.length, 1.0 / Math.sqrt(centroid.length));
        for (int d = 0; d < noise.length; d++) {
            noise[d] += centroid[d];
        }
        return normalised(noise);
    }

    private static float[] gaussian(SplittableRandom random, int dimension, double sigma) {
        float[] vector = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            // Box-Muller
            double u = random.nextDouble(Double.MIN_VALUE, 1.0);
            double v = random.nextDouble();
            vector[d] = (float) (sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return vector;
    }

    static float[] normalised(float[] vector) {
        double norm = Math.sqrt(VectorUtil.dotProduct(vector, vector));
        for (int d = 0; d < vector.length; d++) {
            vector[d] = (float) (vector[d] / norm);
        }
        return vector;
    }
}
