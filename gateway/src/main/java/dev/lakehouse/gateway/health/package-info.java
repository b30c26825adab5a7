@NullMarked
package dev.lakehouse.gateway.health;

import org.jspecify.annotations.NullMarked;
