/** Payload filters: the JSON filter language, payload field types, and their Lucene queries. */
@NullMarked
package dev.lakehouse.vectord.filter;

import org.jspecify.annotations.NullMarked;
