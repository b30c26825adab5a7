package dev.lakehouse.gateway.status;

import dev.lakehouse.gateway.status.StatusReport.CollectionView;
import dev.lakehouse.gateway.status.StatusReport.JobView;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads the lists the daemons answer (collections, materializations, replays) without binding
 * to their exact shape: the list is the body itself or its first array field, and each item's
 * fields are looked up under the names such APIs use. A daemon that changes its shape makes a
 * column show "n/a", not the page fail.
 */
final class JsonLists {

    private static final List<String> LIST_FIELDS =
            List.of("collections", "materializations", "replays", "runs", "jobs", "items", "data");

    private JsonLists() {
    }

    static Stream<JsonNode> items(JsonNode body) {
        if (body.isArray()) {
            return body.valueStream();
        }
        for (String field : LIST_FIELDS) {
            if (body.path(field).isArray()) {
                return body.path(field).valueStream();
            }
        }
        return body.properties().stream().map(java.util.Map.Entry::getValue).filter(JsonNode::isArray).findFirst()
                .map(JsonNode::valueStream).orElse(Stream.empty());
    }

    static CollectionView collection(JsonNode item) {
        return new CollectionView(text(item, "name", "id", "collection"), number(item, "dimension", "dim", "size"),
                number(item, "count", "points", "pointCount", "vectors"), number(item, "bytesOnDisk", "bytes", "diskBytes"));
    }

    static JobView job(JsonNode item) {
        return new JobView(text(item, "id", "runId", "jobId", "name"), text(item, "status", "state", "phase"),
                text(item, "finishedAt", "completedAt", "updatedAt", "startedAt", "createdAt", "created"));
    }

    private static String text(JsonNode item, String... fields) {
        for (String field : fields) {
            JsonNode value = item.path(field);
            if (value.isValueNode() && !value.isNull()) {
                return value.asString();
            }
        }
        return "n/a";
    }

    private static OptionalDouble number(JsonNode item, String... fields) {
        for (String field : fields) {
            if (item.path(field).isNumber()) {
                return OptionalDouble.of(item.path(field).asDouble());
            }
        }
        return OptionalDouble.empty();
    }
}
