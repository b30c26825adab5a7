/**
 * Exact repeats of {@code POST /v1/embeddings} answered at the edge: after keys, limits and
 * audit, before the route's breaker and the hop to embedd.
 */
@NullMarked
package dev.lakehouse.gateway.edgecache;

import org.jspecify.annotations.NullMarked;
