/** Limits of the public edge: body size per route group, header sizes, connection timeouts. */
@NullMarked
package dev.lakehouse.gateway.limits;

import org.jspecify.annotations.NullMarked;
