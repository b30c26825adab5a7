/**
 * API keys: the YAML keys file (sha256 hashes only), its reloading while the gateway runs,
 * and the {@code keys} command that edits it.
 */
@NullMarked
package dev.lakehouse.gateway.keys;

import org.jspecify.annotations.NullMarked;
