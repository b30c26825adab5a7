/**
 * Records of replay runs: replayd writes one {@link dev.lakehouse.schemas.replay.ReplayResult}
 * line per replayed record to {@code replays/<run-id>/results.jsonl} and a
 * {@link dev.lakehouse.schemas.replay.ReplayReport} to {@code replays/<run-id>/report.json}.
 */
@NullMarked
package dev.lakehouse.schemas.replay;

import org.jspecify.annotations.NullMarked;
