/**
 * Declarative cross-field rules of a fill contract: comparisons, conditional requirements and
 * arithmetic (sums, products), read from the contract's {@code x-lakehouse.rules}.
 */
@NullMarked
package dev.lakehouse.validated.fill.rules;

import org.jspecify.annotations.NullMarked;
