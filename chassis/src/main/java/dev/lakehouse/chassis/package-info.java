/** The service chassis: what every daemon shares, and nothing more. */
@NullMarked
package dev.lakehouse.chassis;

import org.jspecify.annotations.NullMarked;
