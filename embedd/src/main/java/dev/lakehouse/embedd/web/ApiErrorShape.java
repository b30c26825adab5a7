package dev.lakehouse.embedd.web;

import dev.lakehouse.embedd.backend.EmbeddingException;

/** How one API surface writes errors, for the places that answer before its controller runs. */
public interface ApiErrorShape {

    /** Whether {@code path} belongs to this surface. */
    boolean handles(String path);

    /** The error body in this surface's shape. */
    byte[] render(EmbeddingException error);
}
