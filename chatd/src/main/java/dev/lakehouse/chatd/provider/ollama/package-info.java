@NullMarked
package dev.lakehouse.chatd.provider.ollama;

import org.jspecify.annotations.NullMarked;
