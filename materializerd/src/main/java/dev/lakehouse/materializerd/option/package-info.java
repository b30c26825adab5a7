/**
 * Options every recipe shares: exact dedupe on a normalised content hash, PII redaction with
 * typed placeholders, a deterministic train/eval split by hash, seeded sampling and a cap.
 */
@NullMarked
package dev.lakehouse.materializerd.option;

import org.jspecify.annotations.NullMarked;
