@NullMarked
package dev.lakehouse.replayd;

import org.jspecify.annotations.NullMarked;
