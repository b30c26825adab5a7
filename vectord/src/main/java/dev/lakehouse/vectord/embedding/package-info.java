/** Text to vectors through embedd (OpenAI's embeddings wire format). */
@NullMarked
package dev.lakehouse.vectord.embedding;

import org.jspecify.annotations.NullMarked;
