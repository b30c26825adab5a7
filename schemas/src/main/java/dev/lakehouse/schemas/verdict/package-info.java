/** Verdicts of validated, shared by chatd, replayd and the lake. */
@NullMarked
package dev.lakehouse.schemas.verdict;

import org.jspecify.annotations.NullMarked;
