package dev.lakehouse.vectord.index;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.jspecify.annotations.Nullable;

/**
 * Lucene's merge policy, except that a forced merge ({@code optimize}) also rewrites outdated
 * segments, even a collection that is already one segment: segments written with another codec
 * or with another vectors format than the collection's current one. That is how a collection
 * created before a Lucene upgrade moves to the current formats (for int8, from the 7-bit format to
 * 8-bit OSQ, then to {@link Int8HnswFormat}). Lucene's own {@code UpgradeIndexMergePolicy} does not
 * fit: it merges nothing but outdated segments, so it would stop {@code optimize} from merging
 * current ones.
 */
final class CurrentCodecMergePolicy extends FilterMergePolicy {

    private final String codec;
    private final String vectorsFormat;
    /**
     * Segments of the current codec whose vectors {@link #anyOutdated} found in another format: a
     * segment's format is in its field infos, which a reader has at hand and a merge policy does not.
     */
    private volatile Set<String> oldVectorsFormat = Set.of();

    CurrentCodecMergePolicy(MergePolicy in, String codec, String vectorsFormat) {
        super(in);
        this.codec = codec;
        this.vectorsFormat = vectorsFormat;
    }

    @Override
    public @Nullable MergeSpecification findForcedMerges(SegmentInfos segments, int maxSegmentCount,
            Map<SegmentCommitInfo, Boolean> segmentsToMerge, MergeContext context) throws IOException {
        MergeSpecification merges = super.findForcedMerges(segments, maxSegmentCount, segmentsToMerge, context);
        if (merges != null) {
            return merges;
        }
        List<SegmentCommitInfo> outdated = segments.asList().stream()
                .filter(segment -> segmentsToMerge.containsKey(segment) && outdated(segment))
                .filter(segment -> !context.getMergingSegments().contains(segment))
                .toList();
        if (outdated.isEmpty()) {
            return null;
        }
        MergeSpecification rewrite = new MergeSpecification();
        rewrite.add(new OneMerge(outdated));
        return rewrite;
    }

    /**
     * Whether any segment the reader sees was written with another codec or vectors format than
     * the current ones; the next forced merge rewrites those segments.
     */
    boolean anyOutdated(IndexReader reader) {
        boolean any = false;
        Set<String> oldVectors = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            if (FilterLeafReader.unwrap(leaf.reader()) instanceof SegmentReader segment) {
                if (!currentCodec(segment.getSegmentInfo())) {
                    any = true;
                } else if (!currentVectorsFormat(segment.getFieldInfos())) {
                    oldVectors.add(segment.getSegmentName());
                    any = true;
                }
            }
        }
        oldVectorsFormat = oldVectors;
        return any;
    }

    private boolean outdated(SegmentCommitInfo segment) {
        return !currentCodec(segment) || oldVectorsFormat.contains(segment.info.name);
    }

    private boolean currentCodec(SegmentCommitInfo segment) {
        return segment.info.getCodec().getName().equals(codec);
    }

    private boolean currentVectorsFormat(FieldInfos fields) {
        for (FieldInfo field : fields) {
            if (field.getVectorDimension() > 0
                    && !vectorsFormat.equals(field.getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY))) {
                return false;
            }
        }
        return true;
    }
}
