package dev.lakehouse.bench.vector;

import dev.lakehouse.vectord.collection.AtomicFiles;
import dev.lakehouse.vectord.collection.CollectionRegistry;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;
import dev.lakehouse.vectord.collection.Quantization;
import dev.lakehouse.vectord.collection.VectorCollection;
import dev.lakehouse.vectord.filter.Filter;
import dev.lakehouse.vectord.filter.PayloadType;
import dev.lakehouse.vectord.filter.PayloadValue;
import dev.lakehouse.vectord.index.Durability;
import dev.lakehouse.vectord.index.LuceneVectorIndexFactory;
import dev.lakehouse.vectord.index.Point;
import dev.lakehouse.vectord.index.ScoredPoint;
import dev.lakehouse.vectord.index.SearchQuery;
import dev.lakehouse.vectord.index.Vectorization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vectord engine in process, exactly as the daemon runs it (registry, Lucene index,
 * default settings): builds a collection through 1,000-point upserts that are searchable on
 * return, merges it when the load is done, and measures single-thread search over a sweep of
 * numCandidates. The collection stays in {@code <data>/vectord/} for the HTTP benchmark.
 */
final class EngineBench {

    private static final int BATCH = 1000;
    private static final int K = 10;
    private static final int SHARDS = 10;

    private EngineBench() {
    }

    static void run(Path sets, String set, Path data, String collectionName, Quantization quantization,
            int[] sweep, double secondsPerPoint, boolean keep) throws Exception {
        Path baseFile = sets.resolve(set + "_base.fvecs");
        boolean small = java.nio.file.Files.size(baseFile) < 400L << 20;
        float[][] base = small || !keep || !java.nio.file.Files.isDirectory(data.resolve("vectord").resolve(collectionName))
                || Boolean.getBoolean("bench.rebuild") ? Texmex.readFvecs(baseFile, Integer.MAX_VALUE) : null;
        float[][] queries = Texmex.readFvecs(sets.resolve(set + "_query.fvecs"), Integer.MAX_VALUE);
        int[][] truth = Texmex.readIvecs(sets.resolve(set + "_groundtruth.ivecs"));
        System.out.printf("set %s: %s base, %d queries, dimension %d; %s; quantization %s%n", set,
                base == null ? "(not loaded)" : Integer.toString(base.length), queries.length, queries[0].length,
                Vectorization.detect().describe(), quantization.wire());
        Path root = data.resolve("vectord");
        boolean build = base != null && (!keep || !java.nio.file.Files.isDirectory(root.resolve(collectionName))
                || Boolean.getBoolean("bench.rebuild"));
        if (build) {
            AtomicFiles.deleteRecursively(root.resolve(collectionName));
        }
        // bench.rescore: unset follows the daemon's defaults (int4 re-ranks, int8 does not); true or false for both.
        String rescore = System.getProperty("bench.rescore", "");
        Set<Quantization> rescored = rescore.isEmpty() ? Set.of(Quantization.INT4)
                : Boolean.parseBoolean(rescore) ? Set.of(Quantization.INT8, Quantization.INT4) : Set.of();
        LuceneVectorIndexFactory factory = new LuceneVectorIndexFactory(16, 200, 64, rescored, new SimpleMeterRegistry());
        try (CollectionRegistry registry = new CollectionRegistry(root, factory, JsonMapper.builder().build(),
                new SimpleMeterRegistry())) {
            VectorCollection collection;
            if (build) {
                collection = registry.create(new CollectionSpec(collectionName, queries[0].length,
                        Metric.COSINE, quantization, null, Instant.now()));
                long start = System.nanoTime();
                load(collection, base);
                double upsertSeconds = (System.nanoTime() - start) / 1e9;
                long mergeStart = System.nanoTime();
                collection.index().optimize();
                double mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;
                System.out.printf("build: upserts %.1f s (%.0f points/s) + merge to one segment %.1f s = %.1f s; "
                                + "%d points, %.1f MiB on disk, RSS %s%n", upsertSeconds, base.length / upsertSeconds,
                        mergeSeconds, upsertSeconds + mergeSeconds, collection.index().stats().points(),
                        collection.index().stats().bytesOnDisk() / 1048576.0, Memory.describe());
            } else {
                collection = registry.get(collectionName);
                System.out.printf("reusing the built collection: %d points, %d segment(s), %.1f MiB on disk%n",
                        collection.index().stats().points(), collection.index().stats().segments(),
                        collection.index().stats().bytesOnDisk() / 1048576.0);
            }
            System.out.println("numCandidates  recall@10  QPS(1 thread)  p50(us)  p99(us)");
            for (int numCandidates : sweep) {
                measure(collection, queries, truth, numCandidates, null, secondsPerPoint);
            }
            if (base != null && base.length <= 200_000) {
                filtered(collection, base, queries, secondsPerPoint);
            }
            System.out.printf("after searches: RSS %s%n", Memory.describe());
            if (!keep) {
                registry.drop(collectionName);
            }
        }
    }

    private static void load(VectorCollection collection, float[][] base) {
        for (int from = 0; from < base.length; from += BATCH) {
            List<Point> points = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(base.length, from + BATCH); i++) {
                String shard = Integer.toString(i % SHARDS);
                byte[] payload = ("{\"shard\":\"" + shard + "\"}").getBytes(StandardCharsets.UTF_8);
                points.add(new Point(Integer.toString(i), Generate.normalised(base[i].clone()), payload,
                        List.of(new PayloadValue("shard", PayloadType.KEYWORD, shard))));
            }
            collection.index().upsert(points, Durability.VISIBLE);
        }
    }

    static void measure(VectorCollection collection, float[][] queries, int[][] truth, int numCandidates,
            Filter.Bool filter, double seconds) {
        int hits = 0;
        for (int q = 0; q < queries.length; q++) {
            hits += overlap(collection.index().search(query(queries[q], numCandidates, filter)), truth[q]);
        }
        double recall = hits / (double) (queries.length * K);
        List<Long> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int done = 0;
        while (System.nanoTime() < deadline) {
            long before = System.nanoTime();
            collection.index().search(query(queries[done % queries.length], numCandidates, filter));
            latencies.add(System.nanoTime() - before);
            done++;
        }
        double qps = done / ((System.nanoTime() - start) / 1e9);
        latencies.sort(null);
        System.out.printf("%13d  %9.4f  %13.0f  %7.0f  %7.0f%n", numCandidates, recall, qps,
                latencies.get(latencies.size() / 2) / 1e3, latencies.get((int) (latencies.size() * 0.99)) / 1e3);
    }

    /** A filter matching a tenth of the points (shard == "3"), against ground truth computed on the fly. */
    private static void filtered(VectorCollection collection, float[][] base, float[][] queries, double seconds) {
        List<float[]> matching = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 3; i < base.length; i += SHARDS) {
            matching.add(base[i]);
            ids.add(i);
        }
        float[][] subset = matching.toArray(float[][]::new);
        int[][] truth = new int[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            int[] local = Generate.exactTop(subset, queries[q], K);
            truth[q] = new int[local.length];
            for (int j = 0; j < local.length; j++) {
                truth[q][j] = ids.get(local[j]);
            }
        }
        Filter.Bool shard3 = new Filter.Bool(List.of(new Filter.Match("shard", PayloadType.KEYWORD, "3")), List.of(), List.of());
        System.out.println("with a filter matching 10% of the points:");
        for (int numCandidates : new int[] {100, 200, 400}) {
            measure(collection, queries, truth, numCandidates, shard3, seconds);
        }
    }

    private static SearchQuery query(float[] vector, int numCandidates, Filter.Bool filter) {
        return new SearchQuery(vector, K, numCandidates, filter, false, false);
    }

    private static int overlap(List<ScoredPoint> results, int[] truth) {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < K; i++) {
            expected.add(Integer.toString(truth[i]));
        }
        int hits = 0;
        for (ScoredPoint point : results) {
            if (expected.contains(point.id())) {
                hits++;
            }
        }
        return hits;
    }
}
