/**
 * Grounding of extracted values in the source text: a grounded value must appear in the
 * source once case, white space, accents, number, date and time formats are normalised.
 */
@NullMarked
package dev.lakehouse.validated.fill.grounding;

import org.jspecify.annotations.NullMarked;
