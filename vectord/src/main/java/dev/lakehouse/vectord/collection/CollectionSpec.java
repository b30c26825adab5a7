package dev.lakehouse.vectord.collection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a collection is, as written in its {@code collection.json}: fixed when it is created.
 *
 * @param name the collection's name ({@link CollectionNames#PATTERN})
 * @param dimension length of every vector
 * @param metric how vectors are compared
 * @param quantization how the search graph stores vectors
 * @param embedModel embedd model that turns text into vectors for this collection; null: vectors only
 * @param createdAt when the collection was created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionSpec(String name, int dimension, Metric metric, Quantization quantization,
        @Nullable String embedModel, Instant createdAt) {

    public CollectionSpec withName(String newName) {
        return new CollectionSpec(newName, dimension, metric, quantization, embedModel, createdAt);
    }
}
