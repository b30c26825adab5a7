@NullMarked
package dev.lakehouse.deploy.support;

import org.jspecify.annotations.NullMarked;
