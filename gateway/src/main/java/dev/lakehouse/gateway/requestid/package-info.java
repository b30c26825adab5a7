@NullMarked
package dev.lakehouse.gateway.requestid;

import org.jspecify.annotations.NullMarked;
