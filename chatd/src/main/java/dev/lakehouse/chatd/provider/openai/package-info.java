@NullMarked
package dev.lakehouse.chatd.provider.openai;

import org.jspecify.annotations.NullMarked;
