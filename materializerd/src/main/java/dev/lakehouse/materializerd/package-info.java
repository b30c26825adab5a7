@NullMarked
package dev.lakehouse.materializerd;

import org.jspecify.annotations.NullMarked;
