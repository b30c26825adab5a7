/** HTTP API of vectord: controllers, request and response records, validation, collection access. */
@NullMarked
package dev.lakehouse.vectord.api;

import org.jspecify.annotations.NullMarked;
