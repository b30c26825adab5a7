/** The HTTP API: {@code POST /v1/validate}, {@code POST /v1/validate/batch}, {@code GET /v1/validators}. */
@NullMarked
package dev.lakehouse.validated.api;

import org.jspecify.annotations.NullMarked;
