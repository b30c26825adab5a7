@NullMarked
package dev.lakehouse.chatd.api.openai;

import org.jspecify.annotations.NullMarked;
