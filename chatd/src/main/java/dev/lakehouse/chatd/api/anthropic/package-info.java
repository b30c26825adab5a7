@NullMarked
package dev.lakehouse.chatd.api.anthropic;

import org.jspecify.annotations.NullMarked;
