@NullMarked
package dev.lakehouse.deploy.compose;

import org.jspecify.annotations.NullMarked;
