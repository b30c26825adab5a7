/** Where embeddings come from: the backend abstraction and the registry that routes a model name to a backend. */
@NullMarked
package dev.lakehouse.embedd.backend;

import org.jspecify.annotations.NullMarked;
