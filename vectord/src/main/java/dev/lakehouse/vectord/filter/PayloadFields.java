package dev.lakehouse.vectord.filter;

import dev.lakehouse.vectord.VectordException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns a payload into the values filters can match: strings, numbers and booleans at any
 * depth (keys of nested objects joined with '.'), every element of an array as one more value
 * of the same key. Nulls are not indexed; strings longer than {@link #MAX_KEYWORD_BYTES} are
 * stored and returned but cannot be matched.
 */
public final class PayloadFields {

    /** Keyword values longer than this (UTF-8) are not indexed: exact matches on long text are not what filters are for. */
    public static final int MAX_KEYWORD_BYTES = 1024;

    private PayloadFields() {
    }

    /** The filterable values of {@code payload}; 400 when it nests deeper than {@code maxDepth}. */
    public static List<PayloadValue> flatten(JsonNode payload, int maxDepth) {
        List<PayloadValue> values = new ArrayList<>();
        collect("", payload, 1, maxDepth, values);
        return values;
    }

    private static void collect(String key, JsonNode node, int depth, int maxDepth, List<PayloadValue> values) {
        if (node.isObject() || node.isArray()) {
            if (depth > maxDepth) {
                throw VectordException.invalid("payload_too_deep", "payload nests objects and arrays deeper than "
                        + maxDepth + " levels at '" + key + "' (lakehouse.vectord.limits.max-payload-depth)");
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    String child = key.isEmpty() ? property.getKey() : key + "." + property.getKey();
                    collect(child, property.getValue(), depth + 1, maxDepth, values);
                }
            } else {
                for (JsonNode element : node) {
                    collect(key, element, depth + 1, maxDepth, values);
                }
            }
        } else if (node.isString()) {
            String text = node.asString();
            if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_KEYWORD_BYTES) {
                values.add(new PayloadValue(key, PayloadType.KEYWORD, text));
            }
        } else if (node.isNumber()) {
            values.add(new PayloadValue(key, PayloadType.NUMBER, node.doubleValue()));
        } else if (node.isBoolean()) {
            values.add(new PayloadValue(key, PayloadType.BOOLEAN, node.booleanValue()));
        }
    }
}
