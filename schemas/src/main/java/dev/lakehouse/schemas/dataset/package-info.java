/**
 * Records of the datasets materializerd writes. The lines of a data file are in the formats
 * external tools read (OpenAI fine-tuning, TRL, a retrieval corpus) and carry no
 * {@code schema} field; the manifest names the schema each file's lines conform to.
 */
@NullMarked
package dev.lakehouse.schemas.dataset;

import org.jspecify.annotations.NullMarked;
