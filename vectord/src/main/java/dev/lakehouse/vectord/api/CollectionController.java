package dev.lakehouse.vectord.api;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.VectordProperties;
import dev.lakehouse.vectord.api.CollectionRequests.Create;
import dev.lakehouse.vectord.api.CollectionRequests.FromSnapshot;
import dev.lakehouse.vectord.api.CollectionRequests.Listing;
import dev.lakehouse.vectord.api.CollectionRequests.View;
import dev.lakehouse.vectord.collection.CollectionNames;
import dev.lakehouse.vectord.collection.CollectionRegistry;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;
import dev.lakehouse.vectord.collection.Quantization;
import dev.lakehouse.vectord.collection.VectorCollection;
import dev.lakehouse.vectord.snapshot.SnapshotService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Create, list, describe, optimize and delete collections. */
@RestController
@RequestMapping("/v1/collections")
class CollectionController {

    private final CollectionRegistry registry;
    private final SnapshotService snapshots;
    private final VectordProperties properties;
    private final Clock clock = Clock.systemUTC();

    CollectionController(CollectionRegistry registry, SnapshotService snapshots, VectordProperties properties) {
        this.registry = registry;
        this.snapshots = snapshots;
        this.properties = properties;
    }

    @GetMapping
    Listing list(HttpServletRequest request) {
        CollectionAccess access = CollectionAccess.of(request);
        return new Listing(registry.list().stream().filter(c -> access.allows(c.name())).map(CollectionController::view)
                .toList());
    }

    @PutMapping("/{name}")
    ResponseEntity<View> create(@PathVariable String name, @RequestBody Create body, HttpServletRequest request) {
        VectorCollection created = body.fromSnapshot() != null
                ? restore(name, body, body.fromSnapshot(), CollectionAccess.of(request))
                : registry.create(spec(name, body));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created));
    }

    @GetMapping("/{name}")
    View describe(@PathVariable String name) {
        return view(registry.get(name));
    }

    /** Merges the collection into one segment now, rather than when it has been idle for a while. */
    @PostMapping("/{name}/optimize")
    View optimize(@PathVariable String name) {
        VectorCollection collection = registry.get(name);
        collection.index().optimize();
        return view(collection);
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        registry.drop(name);
        return ResponseEntity.noContent().build();
    }

    private CollectionSpec spec(String name, Create body) {
        int maxDimension = Math.min(properties.limits().maxDimension(), 4096);
        if (body.dimension() == null || body.dimension() < 1 || body.dimension() > maxDimension) {
            throw VectordException.invalid("invalid_dimension", "dimension must be an integer from 1 to " + maxDimension
                    + (body.dimension() == null ? "" : "; got " + body.dimension()));
        }
        String embedModel = body.embedModel();
        if (embedModel != null && (embedModel.isBlank() || embedModel.length() > 200)) {
            throw VectordException.invalid("invalid_embed_model", "embedModel must be 1-200 characters when given");
        }
        Quantization quantization = body.quantization() == null ? Quantization.NONE : Quantization.parse(body.quantization());
        if (quantization == Quantization.INT4 && body.dimension() % 2 != 0) {
            throw VectordException.invalid("invalid_dimension",
                    "int4 quantization packs two dimensions per byte, so it needs an even dimension; got " + body.dimension());
        }
        return new CollectionSpec(name, body.dimension(),
                body.metric() == null ? Metric.COSINE : Metric.parse(body.metric()), quantization, embedModel, clock.instant());
    }

    private VectorCollection restore(String name, Create body, FromSnapshot from, CollectionAccess access) {
        if (body.dimension() != null || body.metric() != null || body.quantization() != null || body.embedModel() != null) {
            throw VectordException.invalid("invalid_request",
                    "a collection created fromSnapshot takes dimension, metric, quantization and embedModel from the snapshot");
        }
        if (from.collection() == null || from.snapshot() == null) {
            throw VectordException.invalid("invalid_request", "fromSnapshot needs collection and snapshot");
        }
        CollectionNames.requireValid(from.collection());
        access.require(from.collection());
        return snapshots.restore(name, from.collection(), from.snapshot());
    }

    static View view(VectorCollection collection) {
        return View.of(collection.spec(), collection.index().stats(), collection.index().payloadSchema().asMap());
    }
}
