package dev.lakehouse.materializerd.api;

import dev.lakehouse.materializerd.MaterializerdException;
import dev.lakehouse.materializerd.dataset.DatasetStore;
import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** List datasets, read a version's manifest, and stream its files. */
@RestController
@RequestMapping("/v1/datasets")
class DatasetController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final Pattern VERSION = Pattern.compile("v?([1-9][0-9]{0,8})");

    private final DatasetStore datasets;

    DatasetController(DatasetStore datasets) {
        this.datasets = datasets;
    }

    @GetMapping
    Map<String, List<DatasetSummary>> list() {
        return Map.of("datasets", datasets.list().stream().map(dataset -> new DatasetSummary(dataset.name(),
                dataset.recipe().id(), dataset.versions().getLast().version(),
                dataset.versions().stream().map(VersionSummary::of).toList())).toList());
    }

    @GetMapping("/{name}/{version}")
    DatasetManifest manifest(@PathVariable String name, @PathVariable String version) {
        return stored(name, version).manifest();
    }

    /** Streams one data file with its length and its sha256 as the ETag ({@code If-None-Match} answers 304). */
    @GetMapping("/{name}/{version}/files/{file}")
    ResponseEntity<Resource> file(@PathVariable String name, @PathVariable String version, @PathVariable String file,
            WebRequest request) {
        DatasetStore.StoredVersion stored = stored(name, version);
        DatasetManifest.DatasetFile listed = stored.manifest().files().stream()
                .filter(candidate -> candidate.name().equals(file)).findFirst()
                .orElseThrow(() -> MaterializerdException.datasetNotFound("dataset " + name + " v"
                        + stored.manifest().version() + " has no file '" + file + "'"));
        String etag = "\"" + listed.sha256() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).contentType(NDJSON).contentLength(listed.bytes())
                .body(new FileSystemResource(stored.dir().resolve(listed.name())));
    }

    private DatasetStore.StoredVersion stored(String name, String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw MaterializerdException.invalid("version must be a positive number, optionally prefixed with 'v': " + version);
        }
        int number = Integer.parseInt(m.group(1));
        return datasets.version(name, number).orElseThrow(() ->
                MaterializerdException.datasetNotFound("no dataset '" + name + "' with version " + number));
    }

    /** A dataset and its versions. */
    record DatasetSummary(String name, String recipe, int latest, List<VersionSummary> versions) {
    }

    /** One version, in brief; its manifest has the rest. */
    record VersionSummary(int version, Instant createdAt, String fingerprint, long lines, int files) {

        static VersionSummary of(DatasetManifest manifest) {
            return new VersionSummary(manifest.version(), manifest.createdAt(), manifest.fingerprint(),
                    manifest.counts().kept(), manifest.files().size());
        }
    }
}
