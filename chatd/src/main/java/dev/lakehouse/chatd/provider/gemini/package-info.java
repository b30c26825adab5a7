@NullMarked
package dev.lakehouse.chatd.provider.gemini;

import org.jspecify.annotations.NullMarked;
