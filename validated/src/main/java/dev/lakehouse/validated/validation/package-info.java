/** One validation end to end: the contract's validator, timing, and the verdict with its version. */
@NullMarked
package dev.lakehouse.validated.validation;

import org.jspecify.annotations.NullMarked;
