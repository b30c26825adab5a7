package dev.lakehouse.bench.vector;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The baseline: the same index files searched with bare Lucene (a KnnFloatVectorQuery and the
 * top docs, nothing else), so the engine's own overhead shows as the difference.
 */
final class BareLucene {

    private BareLucene() {
    }

    static void run(Path sets, String set, Path indexDirectory, int[] sweep, double seconds) throws Exception {
        float[][] queries = Texmex.readFvecs(sets.resolve(set + "_query.fvecs"), Integer.MAX_VALUE);
        int[][] truth = Texmex.readIvecs(sets.resolve(set + "_groundtruth.ivecs"));
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDirectory))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            System.out.printf("bare Lucene over %s: %d segment(s), %d docs%n", indexDirectory, reader.leaves().size(),
                    reader.numDocs());
            System.out.println("numCandidates  recall@10  QPS(1 thread)");
            for (int numCandidates : sweep) {
                int hits = 0;
                for (int q = 0; q < queries.length; q++) {
                    hits += overlap(reader, searcher.search(new KnnFloatVectorQuery("vector", queries[q], numCandidates), 10),
                            truth[q]);
                }
                long deadline = System.nanoTime() + (long) (seconds * 1e9);
                long start = System.nanoTime();
                int done = 0;
                while (System.nanoTime() < deadline) {
                    searcher.search(new KnnFloatVectorQuery("vector", queries[done % queries.length], numCandidates), 10);
                    done++;
                }
                System.out.printf("%13d  %9.4f  %13.0f%n", numCandidates, hits / (queries.length * 10.0),
                        done / ((System.nanoTime() - start) / 1e9));
            }
        }
    }

    private static int overlap(DirectoryReader reader, TopDocs top, int[] truth) throws Exception {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            expected.add(Integer.toString(truth[i]));
        }
        int hits = 0;
        for (ScoreDoc doc : top.scoreDocs) {
            LeafReader leaf = reader.leaves().get(0).reader();
            BinaryDocValues ids = leaf.getBinaryDocValues("_id");
            if (ids.advanceExact(doc.doc) && expected.contains(ids.binaryValue().utf8ToString())) {
                hits++;
            }
        }
        return hits;
    }
}
