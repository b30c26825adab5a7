/** Observation records: chatd writes them, materializerd and replayd read them. */
@NullMarked
package dev.lakehouse.schemas.observation;

import org.jspecify.annotations.NullMarked;
