@NullMarked
package dev.lakehouse.chassis.requestid;

import org.jspecify.annotations.NullMarked;
