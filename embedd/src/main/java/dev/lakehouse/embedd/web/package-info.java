/** HTTP concerns shared by both API surfaces, such as refusing oversized bodies in each API's own error shape. */
@NullMarked
package dev.lakehouse.embedd.web;

import org.jspecify.annotations.NullMarked;
