@NullMarked
package dev.lakehouse.gateway.routing;

import org.jspecify.annotations.NullMarked;
