/**
 * The FillValidator: a fill is a JSON object a model produced to fill a form or template,
 * checked against its contract's JSON Schema, placeholder policy, cross-field rules and grounding.
 */
@NullMarked
package dev.lakehouse.validated.fill;

import org.jspecify.annotations.NullMarked;
