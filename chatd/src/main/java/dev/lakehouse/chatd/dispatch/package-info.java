@NullMarked
package dev.lakehouse.chatd.dispatch;

import org.jspecify.annotations.NullMarked;
