/**
 * Recipes: how observations (or posted documents) become the lines of a dataset — {@code sft},
 * {@code preference} and {@code rag} behind one interface — and the filters they share.
 */
@NullMarked
package dev.lakehouse.materializerd.recipe;

import org.jspecify.annotations.NullMarked;
