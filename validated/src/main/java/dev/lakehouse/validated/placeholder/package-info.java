/** Detection of unfilled template placeholders and filler values, shared by the fill and email validators. */
@NullMarked
package dev.lakehouse.validated.placeholder;

import org.jspecify.annotations.NullMarked;
