/** The Ollama-compatible surface: {@code POST /api/embed}, errors in Ollama's shape. */
@NullMarked
package dev.lakehouse.embedd.ollamaapi;

import org.jspecify.annotations.NullMarked;
