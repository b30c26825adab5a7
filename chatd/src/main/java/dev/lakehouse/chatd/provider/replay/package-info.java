@NullMarked
package dev.lakehouse.chatd.provider.replay;

import org.jspecify.annotations.NullMarked;
