@NullMarked
package dev.lakehouse.chatd.observation;

import org.jspecify.annotations.NullMarked;
