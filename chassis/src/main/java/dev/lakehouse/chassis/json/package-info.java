/** Limits every daemon's JSON parser enforces, whatever the endpoint. */
@NullMarked
package dev.lakehouse.chassis.json;

import org.jspecify.annotations.NullMarked;
