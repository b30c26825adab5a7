/** {@code GET /v1/models}: embedd's and chatd's models as one OpenAI list. */
@NullMarked
package dev.lakehouse.gateway.models;

import org.jspecify.annotations.NullMarked;
