package dev.lakehouse.chatd.dispatch;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges OpenAI-shaped streamed tool-call deltas ({@code index}, then pieces of {@code id},
 * {@code function.name} and {@code function.arguments}) into complete calls: for the observation,
 * and for surfaces whose streams carry each call whole.
 */
public final class ToolCallMerger {

    private final Map<Integer, ObjectNode> calls = new TreeMap<>();
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    public void add(JsonNode deltas) {
        for (JsonNode delta : deltas) {
            int index = delta.path("index").asInt(calls.size());
            ObjectNode call = calls.computeIfAbsent(index, key -> {
                ObjectNode created = json.objectNode();
                created.put("type", "function");
                created.putObject("function").put("name", "").put("arguments", "");
                return created;
            });
            if (delta.path("id").isString()) {
                call.put("id", delta.path("id").asString());
            }
            JsonNode function = delta.path("function");
            ObjectNode merged = (ObjectNode) call.path("function");
            if (function.path("name").isString()) {
                merged.put("name", merged.path("name").asString() + function.path("name").asString());
            }
            if (function.path("arguments").isString()) {
                merged.put("arguments", merged.path("arguments").asString() + function.path("arguments").asString());
            }
        }
    }

    public @Nullable ArrayNode merged() {
        if (calls.isEmpty()) {
            return null;
        }
        ArrayNode array = json.arrayNode();
        calls.values().forEach(array::add);
        return array;
    }
}
