@NullMarked
package dev.lakehouse.chatd.api;

import org.jspecify.annotations.NullMarked;
