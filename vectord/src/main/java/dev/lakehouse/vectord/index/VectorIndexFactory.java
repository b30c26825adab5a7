package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.collection.CollectionSpec;
import java.io.IOException;
import java.nio.file.Path;

/** Opens the engine of a collection in its directory, creating an empty index when there is none. */
public interface VectorIndexFactory {

    VectorIndex open(CollectionSpec spec, Path directory) throws IOException;
}
