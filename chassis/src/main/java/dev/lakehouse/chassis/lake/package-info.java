/**
 * The lake on disk (DESIGN section 5): append-only JSONL segments, one writer per file,
 * sealed by a rename when they roll, read with bounded memory and torn-line tolerance.
 */
@NullMarked
package dev.lakehouse.chassis.lake;

import org.jspecify.annotations.NullMarked;
