@NullMarked
package dev.lakehouse.chatd.provider;

import org.jspecify.annotations.NullMarked;
