@NullMarked
package dev.lakehouse.chatd.chat;

import org.jspecify.annotations.NullMarked;
