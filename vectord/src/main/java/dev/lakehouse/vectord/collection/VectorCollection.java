package dev.lakehouse.vectord.collection;

import dev.lakehouse.vectord.index.VectorIndex;

/** An open collection: what it is, and the engine holding its points. */
public record VectorCollection(CollectionSpec spec, VectorIndex index) {

    public String name() {
        return spec.name();
    }
}
