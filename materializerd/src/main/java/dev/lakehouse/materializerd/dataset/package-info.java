/**
 * Datasets on disk: immutable versions under {@code datasets/<recipe>/<name>/v<N>/}, written
 * in staging, their manifest last, made visible by an atomic rename.
 */
@NullMarked
package dev.lakehouse.materializerd.dataset;

import org.jspecify.annotations.NullMarked;
