/** Test support: a fake Ollama speaking its wire format, and the web test base. */
@NullMarked
package dev.lakehouse.embedd.testing;

import org.jspecify.annotations.NullMarked;
