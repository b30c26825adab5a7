@NullMarked
package dev.lakehouse.chassis.client;

import org.jspecify.annotations.NullMarked;
