/** The {@code text} contract: free text, valid unless it is empty or the call's context says otherwise. */
@NullMarked
package dev.lakehouse.validated.text;

import org.jspecify.annotations.NullMarked;
