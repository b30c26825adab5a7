package dev.lakehouse.replayd.api;

import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.replayd.run.QueueFullException;
import dev.lakehouse.replayd.run.Run;
import dev.lakehouse.replayd.run.RunConflictException;
import dev.lakehouse.replayd.run.Runs;
import dev.lakehouse.replayd.source.DatasetCatalog;
import dev.lakehouse.schemas.replay.ReplayReport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /v1/replays}: start a run (202), list, poll, fetch the report, cancel. */
@RestController
@RequestMapping(path = "/v1/replays", produces = MediaType.APPLICATION_JSON_VALUE)
class ReplaysController {

    private static final Duration QUEUE_RETRY = Duration.ofSeconds(30);

    private final Runs runs;
    private final ReplayRequestReader requests;
    private final ReplaydProperties properties;

    ReplaysController(Runs runs, DatasetCatalog datasets, ReplaydProperties properties) {
        this.runs = runs;
        this.properties = properties;
        this.requests = new ReplayRequestReader(properties, new SourceReader(datasets, properties.limits().maxFilterValues()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> start(@RequestBody JsonNode body) {
        try {
            Run run = runs.submit(requests.read(body));
            return ResponseEntity.accepted().location(URI.create("/v1/replays/" + run.record().id())).body(RunView.of(run));
        } catch (QueueFullException e) {
            throw ReplaydException.queueFull(e.limit(), QUEUE_RETRY);
        }
    }

    /** Newest first, at most {@code limit}. */
    @GetMapping
    RunList list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > properties.limits().maxListedRuns()) {
            throw ReplaydException.invalidParameter("limit", "must be 1.." + properties.limits().maxListedRuns());
        }
        return new RunList(runs.list(limit).stream().map(RunView::of).toList());
    }

    @GetMapping("/{id}")
    RunView get(@PathVariable String id) {
        return RunView.of(find(id));
    }

    /** While a run is queued or running: the report of the results written so far ({@code complete: false}). */
    @GetMapping("/{id}/report")
    ReplayReport report(@PathVariable String id) {
        return runs.report(find(id));
    }

    @DeleteMapping("/{id}")
    RunView cancel(@PathVariable String id) {
        try {
            return RunView.of(runs.cancel(find(id)));
        } catch (RunConflictException e) {
            throw ReplaydException.conflict(e.getMessage());
        }
    }

    private Run find(String id) {
        return runs.find(id).orElseThrow(() -> ReplaydException.notFound(id));
    }

    record RunList(List<RunView> replays) {
    }
}
