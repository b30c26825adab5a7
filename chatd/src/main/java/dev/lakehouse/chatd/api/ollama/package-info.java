@NullMarked
package dev.lakehouse.chatd.api.ollama;

import org.jspecify.annotations.NullMarked;
