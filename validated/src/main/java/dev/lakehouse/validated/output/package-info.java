/** Reading raw model output as JSON: strict parsing, with a fenced ```json block accepted. */
@NullMarked
package dev.lakehouse.validated.output;

import org.jspecify.annotations.NullMarked;
