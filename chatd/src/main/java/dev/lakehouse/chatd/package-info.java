@NullMarked
package dev.lakehouse.chatd;

import org.jspecify.annotations.NullMarked;
