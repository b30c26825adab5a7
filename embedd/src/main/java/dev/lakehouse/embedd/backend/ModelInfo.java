package dev.lakehouse.embedd.backend;

import org.jspecify.annotations.Nullable;

/**
 * An embedding model a backend serves.
 *
 * @param id the name callers use
 * @param ownedBy who provides it: {@code lakehouse} for in-process models, {@code ollama} otherwise
 * @param dimensions the vector length when known
 * @param created when it became available here, in seconds since the epoch (0 when unknown)
 */
public record ModelInfo(String id, String ownedBy, @Nullable Integer dimensions, long created) {
}
