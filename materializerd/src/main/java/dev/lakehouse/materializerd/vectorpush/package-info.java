/** Pushing a rag dataset into a vectord collection, through vectord's declarative peer client. */
@NullMarked
package dev.lakehouse.materializerd.vectorpush;

import org.jspecify.annotations.NullMarked;
