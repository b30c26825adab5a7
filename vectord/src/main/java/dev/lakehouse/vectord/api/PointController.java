package dev.lakehouse.vectord.api;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.VectordProperties;
import dev.lakehouse.vectord.api.CollectionRequests.PointView;
import dev.lakehouse.vectord.api.PointRequests.Delete;
import dev.lakehouse.vectord.api.PointRequests.Deleted;
import dev.lakehouse.vectord.api.PointRequests.Upsert;
import dev.lakehouse.vectord.api.PointRequests.Upserted;
import dev.lakehouse.vectord.collection.CollectionRegistry;
import dev.lakehouse.vectord.collection.VectorCollection;
import dev.lakehouse.vectord.filter.Filter;
import dev.lakehouse.vectord.filter.FilterParser;
import dev.lakehouse.vectord.index.Durability;
import dev.lakehouse.vectord.index.Point;
import dev.lakehouse.vectord.index.ScoredPoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Upsert, get and delete points. Without {@code wait=true} a write is searchable when the call
 * returns and on disk within the commit interval; with it, the write is committed (fsync'd) first.
 */
@RestController
@RequestMapping("/v1/collections/{name}/points")
class PointController {

    private final CollectionRegistry registry;
    private final PointPreparer preparer;
    private final VectordProperties.Limits limits;

    PointController(CollectionRegistry registry, PointPreparer preparer, VectordProperties properties) {
        this.registry = registry;
        this.preparer = preparer;
        this.limits = properties.limits();
    }

    @PostMapping
    Upserted upsert(@PathVariable String name, @RequestBody Upsert body,
            @RequestParam(defaultValue = "false") boolean wait) {
        VectorCollection collection = registry.get(name);
        List<Point> points = preparer.prepare(collection.spec(), body.points());
        Durability durability = durability(wait);
        collection.index().upsert(points, durability);
        return new Upserted(points.size(), durability.name().toLowerCase(Locale.ROOT));
    }

    @GetMapping("/{id}")
    PointView get(@PathVariable String name, @PathVariable String id,
            @RequestParam(defaultValue = "true") boolean withPayload,
            @RequestParam(defaultValue = "false") boolean withVector) {
        VectorCollection collection = registry.get(name);
        ScoredPoint point = collection.index().get(id, withPayload, withVector)
                .orElseThrow(() -> VectordException.pointNotFound(name, id));
        return view(point, false);
    }

    @PostMapping("/delete")
    Deleted delete(@PathVariable String name, @RequestBody Delete body,
            @RequestParam(defaultValue = "false") boolean wait) {
        VectorCollection collection = registry.get(name);
        Durability durability = durability(wait);
        boolean byFilter = body.filter() != null && !body.filter().isNull();
        if ((body.ids() == null) == !byFilter) {
            throw VectordException.invalid("invalid_request", "give exactly one of ids and filter");
        }
        long deleted;
        if (byFilter) {
            Filter.Bool filter = FilterParser.parse(body.filter(), collection.index().payloadSchema(),
                    limits.maxFilterConditions());
            if (filter == null) {
                throw VectordException.invalid("invalid_filter", "/filter: an empty filter would delete every point; "
                        + "delete the collection instead");
            }
            deleted = collection.index().delete(filter, durability);
        } else {
            deleted = collection.index().delete(ids(body.ids()), durability);
        }
        return new Deleted(deleted, durability.name().toLowerCase(Locale.ROOT));
    }

    private List<String> ids(List<String> ids) {
        if (ids.isEmpty() || ids.size() > limits.maxPointsPerUpsert()) {
            throw VectordException.invalid("invalid_request", "/ids: give 1 to " + limits.maxPointsPerUpsert() + " ids");
        }
        for (int i = 0; i < ids.size(); i++) {
            preparer.id(ids.get(i), "/ids/" + i);
        }
        return ids;
    }

    static Durability durability(boolean wait) {
        return wait ? Durability.DURABLE : Durability.VISIBLE;
    }

    static PointView view(ScoredPoint point, boolean scored) {
        return new PointView(point.id(), scored ? point.score() : null,
                point.payloadJson() == null ? null : new String(point.payloadJson(), StandardCharsets.UTF_8),
                point.vector());
    }
}
