/** What every validator shares: the ordered findings of one validation, JSON Pointers, the validator version and the dispatch. */
@NullMarked
package dev.lakehouse.validated.verdict;

import org.jspecify.annotations.NullMarked;
