@NullMarked
package dev.lakehouse.chatd.role;

import org.jspecify.annotations.NullMarked;
