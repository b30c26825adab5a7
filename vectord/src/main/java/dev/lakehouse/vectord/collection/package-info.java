/** Collections: their metadata, the registry of open collections, and atomic files on disk. */
@NullMarked
package dev.lakehouse.vectord.collection;

import org.jspecify.annotations.NullMarked;
