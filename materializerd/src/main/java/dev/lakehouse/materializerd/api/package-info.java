/** HTTP API of materializerd: materialization jobs and the datasets they write. */
@NullMarked
package dev.lakehouse.materializerd.api;

import org.jspecify.annotations.NullMarked;
