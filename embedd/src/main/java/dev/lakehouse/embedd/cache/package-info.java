/** The embedding cache: per input, bounded by bytes, holding each embedding already encoded for the wire. */
@NullMarked
package dev.lakehouse.embedd.cache;

import org.jspecify.annotations.NullMarked;
