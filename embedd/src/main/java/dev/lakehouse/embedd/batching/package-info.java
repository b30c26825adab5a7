/** Micro-batching: concurrent misses for one model coalesce into one backend call on a bounded set of workers. */
@NullMarked
package dev.lakehouse.embedd.batching;

import org.jspecify.annotations.NullMarked;
