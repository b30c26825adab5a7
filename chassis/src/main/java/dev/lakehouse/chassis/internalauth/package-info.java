@NullMarked
package dev.lakehouse.chassis.internalauth;

import org.jspecify.annotations.NullMarked;
