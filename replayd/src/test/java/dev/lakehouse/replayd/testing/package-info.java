@NullMarked
package dev.lakehouse.replayd.testing;

import org.jspecify.annotations.NullMarked;
