package dev.lakehouse.materializerd.api;

import dev.lakehouse.materializerd.option.Options;
import dev.lakehouse.materializerd.recipe.Document;
import dev.lakehouse.materializerd.recipe.Filters;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/materializations}: which recipe, the dataset name, filters and options, and
 * for {@code rag} optionally the documents to chunk instead of observations.
 */
public record MaterializationRequest(
        @Nullable String recipe,
        @Nullable String name,
        @Nullable Filters filters,
        @Nullable Options options,
        @Nullable List<Document> documents) {
}
