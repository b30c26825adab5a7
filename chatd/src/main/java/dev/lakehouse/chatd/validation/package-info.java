@NullMarked
package dev.lakehouse.chatd.validation;

import org.jspecify.annotations.NullMarked;
