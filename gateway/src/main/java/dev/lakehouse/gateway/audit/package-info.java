/** One {@code lakehouse.audit-event/v1} record per request, written to the lake off the request path. */
@NullMarked
package dev.lakehouse.gateway.audit;

import org.jspecify.annotations.NullMarked;
