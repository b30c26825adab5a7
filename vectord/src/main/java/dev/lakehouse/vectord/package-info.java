@NullMarked
package dev.lakehouse.vectord;

import org.jspecify.annotations.NullMarked;
