/** Snapshots: consistent copies of a collection from a Lucene commit point. */
@NullMarked
package dev.lakehouse.vectord.snapshot;

import org.jspecify.annotations.NullMarked;
