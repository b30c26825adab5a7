/** The OpenAI-compatible surface: {@code POST /v1/embeddings} and {@code GET /v1/models}, errors in OpenAI's shape. */
@NullMarked
package dev.lakehouse.embedd.openai;

import org.jspecify.annotations.NullMarked;
