/** The gateway's audit records. */
@NullMarked
package dev.lakehouse.schemas.audit;

import org.jspecify.annotations.NullMarked;
