@NullMarked
package dev.lakehouse.chatd.provider.anthropic;

import org.jspecify.annotations.NullMarked;
