@NullMarked
package dev.lakehouse.embedd;

import org.jspecify.annotations.NullMarked;
