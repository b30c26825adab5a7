package dev.lakehouse.materializerd.vectorpush;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import tools.jackson.databind.JsonNode;

/** vectord's collection API, as much of it as a push needs (group {@code vectord}: peer URL, token, request id). */
@HttpExchange("/v1/collections")
public interface VectordClient {

    @PutExchange("/{name}")
    JsonNode createCollection(@PathVariable String name, @RequestBody CollectionRequest collection);

    /** Upserts points; with {@code wait=true} they are durable when the call returns. */
    @PostExchange("/{name}/points")
    JsonNode upsert(@PathVariable String name, @RequestParam boolean wait, @RequestBody PointsRequest points);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CollectionRequest(int dimension, String metric, String embedModel) {
    }

    record PointsRequest(List<Point> points) {
    }

    /** A point whose vector vectord computes from {@code text} with the collection's embedding model. */
    record Point(String id, String text, Map<String, Object> payload) {
    }
}
