@NullMarked
package dev.lakehouse.gateway;

import org.jspecify.annotations.NullMarked;
