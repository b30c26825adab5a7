/** Ollama as an external provider: its client (retry, circuit breaker), backend, model list and health. */
@NullMarked
package dev.lakehouse.embedd.ollama;

import org.jspecify.annotations.NullMarked;
