package dev.lakehouse.vectord.api;

import dev.lakehouse.vectord.collection.CollectionRegistry;
import dev.lakehouse.vectord.snapshot.SnapshotInfo;
import dev.lakehouse.vectord.snapshot.SnapshotService;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Snapshots of a collection: consistent copies of its last commit point (pending writes are
 * committed first). They outlive the collection; {@code PUT /v1/collections/{new}} with
 * {@code fromSnapshot} turns one into a collection again.
 */
@RestController
@RequestMapping("/v1/collections/{name}/snapshots")
class SnapshotController {

    private final CollectionRegistry registry;
    private final SnapshotService snapshots;

    SnapshotController(CollectionRegistry registry, SnapshotService snapshots) {
        this.registry = registry;
        this.snapshots = snapshots;
    }

    record Listing(List<SnapshotInfo> snapshots) {
    }

    @PostMapping
    ResponseEntity<SnapshotInfo> create(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.CREATED).body(snapshots.create(registry.get(name)));
    }

    @GetMapping
    Listing list(@PathVariable String name) {
        return new Listing(snapshots.list(name));
    }

    @GetMapping("/{snapshot}")
    SnapshotInfo get(@PathVariable String name, @PathVariable String snapshot) {
        return snapshots.get(name, snapshot);
    }

    @DeleteMapping("/{snapshot}")
    ResponseEntity<Void> delete(@PathVariable String name, @PathVariable String snapshot) {
        snapshots.delete(name, snapshot);
        return ResponseEntity.noContent().build();
    }
}
