package dev.lakehouse.schemas.replay;

import java.time.Instant;

/**
 * Mirrors {@code lakehouse.replay-result/v1}: one recorded prompt replayed on the target.
 *
 * @param seq position of the record in the run's source, from 0; each appears exactly once
 * @param recordId the observation id, or {@code <dataset>/v<N>/<file>#<line>} for a dataset line
 * @param source where the record was read: {@code <path relative to the lake>#<line>}
 * @param role the recorded role
 * @param contract the contract both outputs were validated against
 */
public record ReplayResult(
        String schema,
        String runId,
        long seq,
        String recordId,
        String source,
        String role,
        String contract,
        ReplaySide original,
        ReplaySide target,
        Comparison comparison,
        Instant completedAt) {

    public static final String SCHEMA = "lakehouse.replay-result/v1";
}
