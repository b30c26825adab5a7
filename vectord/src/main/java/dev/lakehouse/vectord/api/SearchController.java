package dev.lakehouse.vectord.api;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.VectordProperties;
import dev.lakehouse.vectord.api.SearchRequests.Batch;
import dev.lakehouse.vectord.api.SearchRequests.BatchResults;
import dev.lakehouse.vectord.api.SearchRequests.Results;
import dev.lakehouse.vectord.api.SearchRequests.Search;
import dev.lakehouse.vectord.collection.CollectionRegistry;
import dev.lakehouse.vectord.collection.VectorCollection;
import dev.lakehouse.vectord.index.SearchQuery;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Nearest-neighbour search by vector or text, with payload filters; one or a batch per call. */
@RestController
@RequestMapping("/v1/collections/{name}/search")
class SearchController {

    private final CollectionRegistry registry;
    private final SearchPreparer preparer;
    private final int maxBatch;

    SearchController(CollectionRegistry registry, SearchPreparer preparer, VectordProperties properties) {
        this.registry = registry;
        this.preparer = preparer;
        this.maxBatch = properties.limits().maxBatchSearches();
    }

    @PostMapping
    Results search(@PathVariable String name, @RequestBody Search body) {
        VectorCollection collection = registry.get(name);
        return run(collection, preparer.prepare(collection, List.of(body), "").getFirst());
    }

    @PostMapping("/batch")
    BatchResults batch(@PathVariable String name, @RequestBody Batch body) {
        VectorCollection collection = registry.get(name);
        if (body.searches() == null || body.searches().isEmpty()) {
            throw VectordException.invalid("invalid_search", "/searches: give a non-empty array of searches");
        }
        if (body.searches().size() > maxBatch) {
            throw VectordException.tooLarge("too_many_searches", "a batch may carry at most " + maxBatch
                    + " searches; got " + body.searches().size() + " (lakehouse.vectord.limits.max-batch-searches)");
        }
        return new BatchResults(preparer.prepare(collection, body.searches(), "/searches").stream()
                .map(query -> run(collection, query)).toList());
    }

    private static Results run(VectorCollection collection, SearchQuery query) {
        return new Results(collection.index().search(query).stream().map(point -> PointController.view(point, true)).toList());
    }
}
