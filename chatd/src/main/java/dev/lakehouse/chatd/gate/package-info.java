@NullMarked
package dev.lakehouse.chatd.gate;

import org.jspecify.annotations.NullMarked;
