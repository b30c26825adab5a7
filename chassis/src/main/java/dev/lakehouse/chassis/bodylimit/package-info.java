@NullMarked
package dev.lakehouse.chassis.bodylimit;

import org.jspecify.annotations.NullMarked;
