package dev.lakehouse.vectord.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Request and response bodies of the point routes. */
final class PointRequests {

    private PointRequests() {
    }

    /** {@code POST /v1/collections/{name}/points}. */
    record Upsert(@Nullable List<Input> points) {
    }

    /** One point: an id, exactly one of vector and text, and a payload object. */
    record Input(@Nullable String id, float @Nullable [] vector, @Nullable String text, @Nullable JsonNode payload) {
    }

    /** @param durability {@code visible} (searchable now, on disk within a second) or {@code durable} (on disk now) */
    record Upserted(int upserted, String durability) {
    }

    /** {@code POST /v1/collections/{name}/points/delete}: exactly one of ids and filter. */
    record Delete(@Nullable List<String> ids, @Nullable JsonNode filter) {
    }

    record Deleted(long deleted, String durability) {
    }
}
