@NullMarked
package dev.lakehouse.validated;

import org.jspecify.annotations.NullMarked;
