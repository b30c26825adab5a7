@NullMarked
package dev.lakehouse.chassis.problem;

import org.jspecify.annotations.NullMarked;
