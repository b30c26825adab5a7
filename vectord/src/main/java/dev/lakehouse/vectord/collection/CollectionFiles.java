package dev.lakehouse.vectord.collection;

import java.io.IOException;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout of one collection directory: {@code collection.json} (its spec, written atomically)
 * and {@code index/} (the engine's files).
 */
public record CollectionFiles(Path directory) {

    public static final String METADATA = "collection.json";
    public static final String INDEX = "index";

    public Path metadata() {
        return directory.resolve(METADATA);
    }

    public Path index() {
        return directory.resolve(INDEX);
    }

    public void writeSpec(JsonMapper json, CollectionSpec spec) throws IOException {
        AtomicFiles.write(metadata(), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(spec));
    }

    public CollectionSpec readSpec(JsonMapper json) {
        return json.readValue(metadata().toFile(), CollectionSpec.class);
    }
}
