@NullMarked
package dev.lakehouse.chatd.model;

import org.jspecify.annotations.NullMarked;
