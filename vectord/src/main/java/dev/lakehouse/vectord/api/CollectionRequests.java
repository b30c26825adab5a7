package dev.lakehouse.vectord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;
import dev.lakehouse.vectord.collection.Quantization;
import dev.lakehouse.vectord.filter.PayloadType;
import dev.lakehouse.vectord.index.IndexStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the collection routes. */
final class CollectionRequests {

    private CollectionRequests() {
    }

    /**
     * {@code PUT /v1/collections/{name}}: a new empty collection, or a copy of a snapshot
     * ({@code fromSnapshot}, which fixes dimension, metric, quantization and embedModel).
     */
    record Create(@Nullable Integer dimension, @Nullable String metric, @Nullable String quantization,
            @Nullable String embedModel, @Nullable FromSnapshot fromSnapshot) {
    }

    record FromSnapshot(@Nullable String collection, @Nullable String snapshot) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(String name, int dimension, Metric metric, Quantization quantization, @Nullable String embedModel,
            long count, long bytesOnDisk, int segments, Instant createdAt, Map<String, PayloadType> payloadKeys) {

        static View of(CollectionSpec spec, IndexStats stats, Map<String, PayloadType> payloadKeys) {
            return new View(spec.name(), spec.dimension(), spec.metric(), spec.quantization(), spec.embedModel(),
                    stats.points(), stats.bytesOnDisk(), stats.segments(), spec.createdAt(), payloadKeys);
        }
    }

    record Listing(List<View> collections) {
    }

    /** A point as returned by get and search; the payload is the stored JSON, written as is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PointView(String id, @Nullable Float score, @JsonRawValue @Nullable String payload, float @Nullable [] vector) {
    }
}
