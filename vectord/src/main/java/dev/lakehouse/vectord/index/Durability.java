package dev.lakehouse.vectord.index;

/** What a write guarantees when the call returns. */
public enum Durability {

    /** Searchable when the call returns; on disk within the commit interval (one second by default). */
    VISIBLE,
    /** Searchable and committed to disk (fsync'd) when the call returns: survives kill -9 and power loss. */
    DURABLE
}
