/** The core of the daemon: cache, single-flight, batching and backends behind one call, plus input limits. */
@NullMarked
package dev.lakehouse.embedd.embedding;

import org.jspecify.annotations.NullMarked;
