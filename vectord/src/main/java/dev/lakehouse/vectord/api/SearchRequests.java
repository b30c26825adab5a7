package dev.lakehouse.vectord.api;

import dev.lakehouse.vectord.api.CollectionRequests.PointView;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Request and response bodies of the search routes. */
final class SearchRequests {

    private SearchRequests() {
    }

    /**
     * {@code POST /v1/collections/{name}/search}: exactly one of vector and text; k defaults to 10,
     * withPayload to true, withVector to false, numCandidates to the configured default (at least k).
     */
    record Search(float @Nullable [] vector, @Nullable String text, @Nullable Integer k, @Nullable JsonNode filter,
            @Nullable Boolean withPayload, @Nullable Boolean withVector, @Nullable Integer numCandidates) {
    }

    record Results(List<PointView> results) {
    }

    /** {@code POST /v1/collections/{name}/search/batch}. */
    record Batch(@Nullable List<Search> searches) {
    }

    /** One entry per search, in the order given. */
    record BatchResults(List<Results> searches) {
    }
}
