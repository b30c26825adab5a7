/** The contract registry: which contracts exist, loaded from the classpath and a configurable directory. */
@NullMarked
package dev.lakehouse.validated.contract;

import org.jspecify.annotations.NullMarked;
