/**
 * Materialization jobs: persisted state files, the registry with bounded concurrency and a
 * bounded queue, cancellation, crash recovery, and the runner that pins input, fingerprints,
 * writes and commits a dataset version.
 */
@NullMarked
package dev.lakehouse.materializerd.job;

import org.jspecify.annotations.NullMarked;
