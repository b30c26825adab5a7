package dev.lakehouse.materializerd.api;

import dev.lakehouse.materializerd.MaterializerdException;
import dev.lakehouse.materializerd.MaterializerdProperties;
import dev.lakehouse.materializerd.dataset.DatasetStore;
import dev.lakehouse.materializerd.job.Job;
import dev.lakehouse.materializerd.job.JobRecord;
import dev.lakehouse.materializerd.job.Jobs;
import dev.lakehouse.materializerd.option.Options;
import dev.lakehouse.materializerd.recipe.Document;
import dev.lakehouse.materializerd.recipe.Filters;
import dev.lakehouse.materializerd.recipe.RecipeName;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Start, watch and cancel materializations. */
@RestController
@RequestMapping("/v1/materializations")
class MaterializationController {

    /** The newest jobs a listing shows. */
    static final int LIST_LIMIT = 100;

    private final Jobs jobs;
    private final DatasetStore datasets;
    private final MaterializerdProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    MaterializationController(Jobs jobs, DatasetStore datasets, MaterializerdProperties properties) {
        this.jobs = jobs;
        this.datasets = datasets;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<JobView> start(@RequestBody JsonNode body) {
        MaterializationRequest request = SubmissionCheck.parse(body);
        RecipeName recipe = SubmissionCheck.recipe(request);
        Filters filters = (request.filters() == null ? Filters.none() : request.filters()).normalized();
        Options options = (request.options() == null ? Options.defaults() : request.options())
                .normalized(recipe, properties.maxRecords());
        List<Document> documents = SubmissionCheck.documents(request, recipe, properties);
        String name = SubmissionCheck.name(request, recipe, datasets);
        String id = "mat_" + HexFormat.of().formatHex(random.generateSeed(10));
        Job job = jobs.submit(JobRecord.queued(id, recipe, name, filters, options, documents.size(), clock.instant()),
                documents);
        return ResponseEntity.accepted().location(URI.create("/v1/materializations/" + id)).body(JobView.of(job));
    }

    @GetMapping
    Map<String, List<JobView>> list() {
        return Map.of("materializations", jobs.list().stream().limit(LIST_LIMIT).map(JobView::of).toList());
    }

    @GetMapping("/{id}")
    JobView get(@PathVariable String id) {
        return jobs.find(id).map(JobView::of).orElseThrow(() -> MaterializerdException.jobNotFound(id));
    }

    /** Cancels: a queued job at once, a running one at its next record (poll until its state is {@code cancelled}). */
    @DeleteMapping("/{id}")
    JobView cancel(@PathVariable String id) {
        return JobView.of(jobs.cancel(id));
    }
}
