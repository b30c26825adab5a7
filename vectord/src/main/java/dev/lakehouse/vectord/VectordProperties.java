package dev.lakehouse.vectord;

import dev.lakehouse.vectord.collection.Quantization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of vectord; every one is listed with its default in the README section.
 *
 * @param dir where collections live, one directory each ({@code $LAKEHOUSE_DATA_DIR/vectord})
 * @param snapshotDir where snapshots live, one directory per collection ({@code $LAKEHOUSE_DATA_DIR/vectord-snapshots})
 * @param limits the documented limits of the API; beyond them requests get 400 or 413
 * @param hnsw the HNSW graph parameters used for segments written from now on
 * @param commitInterval how often pending writes are committed: the durability bound of a write without {@code wait=true}
 * @param optimizeAfterIdle a collection that received no write for this long and is fragmented (more than
 *        10 segments, or its largest segment holds less than 90% of its points) is merged into one segment
 *        in the background, so searches walk a single HNSW graph; 0 turns it off
 * @param ramBufferSize indexing buffer per collection before Lucene flushes a segment
 * @param rescore which quantized collections re-rank their search candidates with the full-precision vectors
 */
@ConfigurationProperties("lakehouse.vectord")
public record VectordProperties(
        Path dir,
        Path snapshotDir,
        @DefaultValue Limits limits,
        @DefaultValue Hnsw hnsw,
        @DefaultValue("1s") Duration commitInterval,
        @DefaultValue("30s") Duration optimizeAfterIdle,
        @DefaultValue("64MB") DataSize ramBufferSize,
        @DefaultValue Rescore rescore) {

    /**
     * @param maxDimension largest vector dimension a collection may have (at most 4096)
     * @param maxPointsPerUpsert most points one upsert request may carry
     * @param maxK largest {@code k} a search may ask for
     * @param defaultNumCandidates candidates the HNSW search collects when a search gives no
     *        {@code numCandidates} (at least {@code k}); the recall/speed trade-off of the defaults
     * @param maxNumCandidates largest {@code numCandidates} a search may ask for
     * @param maxBatchSearches most searches one batch request may carry
     * @param maxPayloadSize largest payload of one point, as JSON
     * @param maxPayloadDepth deepest nesting of objects and arrays in a payload
     * @param maxFilterConditions most conditions one filter may hold, nested ones included
     * @param maxIdLength longest point id, in characters
     */
    public record Limits(
            @DefaultValue("4096") int maxDimension,
            @DefaultValue("1000") int maxPointsPerUpsert,
            @DefaultValue("1000") int maxK,
            @DefaultValue("100") int defaultNumCandidates,
            @DefaultValue("10000") int maxNumCandidates,
            @DefaultValue("100") int maxBatchSearches,
            @DefaultValue("64KB") DataSize maxPayloadSize,
            @DefaultValue("8") int maxPayloadDepth,
            @DefaultValue("64") int maxFilterConditions,
            @DefaultValue("256") int maxIdLength) {
    }

    /**
     * Re-ranking re-reads the float vector of each of a search's {@code numCandidates} candidates:
     * exact scores and more recall, but searches then keep float-vector pages in memory as well as
     * the quantized vectors and the graph.
     *
     * @param int8 re-rank in int8 collections (8-bit OSQ alone reached recall@10 0.98 on the benchmark set)
     * @param int4 re-rank in int4 collections (4 bits alone stopped at recall@10 0.83 on the benchmark set)
     */
    public record Rescore(@DefaultValue("false") boolean int8, @DefaultValue("true") boolean int4) {

        public Set<Quantization> quantizations() {
            Set<Quantization> rescored = EnumSet.noneOf(Quantization.class);
            if (int8) {
                rescored.add(Quantization.INT8);
            }
            if (int4) {
                rescored.add(Quantization.INT4);
            }
            return rescored;
        }
    }

    /**
     * @param m neighbours per node in the HNSW graph (Lucene's maxConn)
     * @param beamWidth candidates considered while inserting a node (Lucene's beamWidth, efConstruction)
     */
    public record Hnsw(@DefaultValue("16") int m, @DefaultValue("200") int beamWidth) {
    }
}
