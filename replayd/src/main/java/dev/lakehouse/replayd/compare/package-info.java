/**
 * Comparing the target's output with the recorded one: both validated by validated against
 * the recorded contract, a normalised exact match, and the cosine similarity of their
 * embeddings through embedd.
 */
@NullMarked
package dev.lakehouse.replayd.compare;

import org.jspecify.annotations.NullMarked;
