/**
 * Who may call what: API keys from {@code Authorization: Bearer} or {@code x-api-key}, the
 * route group a path belongs to, and the per-key rate and concurrency limits.
 */
@NullMarked
package dev.lakehouse.gateway.access;

import org.jspecify.annotations.NullMarked;
