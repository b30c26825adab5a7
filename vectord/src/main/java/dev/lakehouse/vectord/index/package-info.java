/** The vector index the API sits on, and its Lucene HNSW implementation. */
@NullMarked
package dev.lakehouse.vectord.index;

import org.jspecify.annotations.NullMarked;
