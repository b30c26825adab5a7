package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.collection.Metric;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Turns Lucene hits into points: the id from doc values for every hit (cheap), the payload from
 * stored fields and the vector from the vector values only when asked for.
 */
final class ResultLoader {

    private final IndexSearcher searcher;
    private final boolean withPayload;
    private final boolean withVector;
    private final Metric metric;

    ResultLoader(IndexSearcher searcher, boolean withPayload, boolean withVector, Metric metric) {
        this.searcher = searcher;
        this.withPayload = withPayload;
        this.withVector = withVector;
        this.metric = metric;
    }

    /** The hits in their given order (best first). */
    List<ScoredPoint> load(ScoreDoc[] hits) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        ScoredPoint[] points = new ScoredPoint[hits.length];
        // Doc values are read forward only: visit the hits in document order.
        Integer[] byDoc = new Integer[hits.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        for (int i : byDoc) {
            ScoreDoc hit = hits[i];
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            int docInLeaf = hit.doc - leaf.docBase;
            points[i] = new ScoredPoint(PointDocuments.id(leaf.reader(), docInLeaf),
                    Float.isNaN(hit.score) ? 0 : LuceneFormats.metricScore(metric, hit.score),
                    withPayload ? PointDocuments.payload(searcher.getIndexReader(), hit.doc) : null,
                    withVector ? PointDocuments.vector(leaf.reader(), docInLeaf) : null);
        }
        return List.of(points);
    }
}
