/**
 * Replay runs: accepted, queued, executed batch by batch with a checkpoint after each, resumed
 * after a restart, cancelled on request. A run's files live in the lake under
 * {@code replays/<run-id>/}: {@code run.json}, {@code results.jsonl}, {@code checkpoint} and
 * {@code report.json}.
 */
@NullMarked
package dev.lakehouse.replayd.run;

import org.jspecify.annotations.NullMarked;
