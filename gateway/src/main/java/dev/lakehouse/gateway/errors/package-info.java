@NullMarked
package dev.lakehouse.gateway.errors;

import org.jspecify.annotations.NullMarked;
