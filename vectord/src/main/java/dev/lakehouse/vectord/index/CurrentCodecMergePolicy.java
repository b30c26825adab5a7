package dev.lakehouse.vectord.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
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
 * Lucene's merge policy, except that a forced merge ({@code optimize}) also rewrites segments
 * written with another codec, even a collection that is already one segment: that is how a
 * collection created before a Lucene upgrade moves to the current formats (for int8, from the
 * 7-bit format to 8-bit OSQ). Lucene's own {@code UpgradeIndexMergePolicy} does not fit: it merges
 * nothing but outdated segments, so it would stop {@code optimize} from merging current ones.
 */
final class CurrentCodecMergePolicy extends FilterMergePolicy {

    private final String codec;

    CurrentCodecMergePolicy(MergePolicy in, String codec) {
        super(in);
        this.codec = codec;
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

    /** Whether any segment the reader sees was written with another codec than the current one. */
    boolean anyOutdated(IndexReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            if (FilterLeafReader.unwrap(leaf.reader()) instanceof SegmentReader segment
                    && outdated(segment.getSegmentInfo())) {
                return true;
            }
        }
        return false;
    }

    private boolean outdated(SegmentCommitInfo segment) {
        return !segment.info.getCodec().getName().equals(codec);
    }
}
