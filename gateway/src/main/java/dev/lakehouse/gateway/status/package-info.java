/** {@code GET /status}: the operator's page, rendered on the server from the daemons' own endpoints. */
@NullMarked
package dev.lakehouse.gateway.status;

import org.jspecify.annotations.NullMarked;
