@NullMarked
package dev.lakehouse.deploy.image;

import org.jspecify.annotations.NullMarked;
